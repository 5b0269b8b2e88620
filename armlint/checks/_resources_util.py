"""Helpers the expression and resource rules (AL3002-AL3008, AL4001-AL4015) share.

Owns: which resources and templates belong to the linted file (a Bicep module's own file is
linted on its own, so its resources are not reported again at the module declaration), every
parsed expression of those templates with a way to report a node inside it, following
`parameters()`/`variables()` to what they stand for, and the API version verdict that the
`apiVersion` and `reference()` rules share.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..engine.run import Hit
from ..expr.ast import Call, Index, Literal, Member, Node, walk
from ..expr.values import Origin, Unknown
from ..model.references import template_references
import functools

from .common import expression_tree as tree_of
from .common import is_preview, published_versions, table_date, version_date

# --- what belongs to the linted file ----------------------------------------------------------


def root_doc(model) -> Any:
    return model.root.origin.doc if model is not None and model.root is not None else None


def is_bicep(model) -> bool:
    return getattr(root_doc(model), "tree", None) is not None


def file_resources(model, types: tuple[str, ...] | None = None, existing: bool = False,
                   deployed_only: bool = True) -> Iterator[Any]:
    """Resources written in the linted file (lower-case `types` filter), deployed ones only
    unless `deployed_only` is false; `existing` references too when asked."""
    doc = root_doc(model)
    if doc is None:
        return
    for res in model.resources:
        if res.origin.doc is not doc:
            continue
        if types is not None and res.type_key not in types:
            continue
        if res.existing:
            if existing:
                yield res
            continue
        if deployed_only and not res.deployed:
            continue
        yield res


def declaring_templates(model) -> list:
    """Templates of the linted file whose expressions are walked on their own: the root and
    nested templates with inner scope (outer-scope nested templates are walked with their
    parent by `template_references`)."""
    doc = root_doc(model)
    if doc is None:
        return []
    return [t for t in model.templates if t.origin.doc is doc and
            (t.parent is None or t.scope is not t.parent.scope)]


def expressions(model, functions: tuple[str, ...] | None = None) -> Iterator[tuple]:
    """(template, pointer, text, tree) of every expression of the linted file; in JSON the tree
    has offsets into the text (Bicep trees have none: findings go on the Bicep value). With
    `functions` (lower-case names; a name ending in '*' is a prefix), templates that call none
    of them are skipped without looking at their expressions."""
    for t in declaring_templates(model):
        refs = template_references(t)
        if functions is not None and not _calls_any(refs.functions, functions):
            continue
        for pointer, text, tree in refs.expressions:
            yield t, pointer, text, tree


def _calls_any(counter, functions) -> bool:
    for name in functions:
        if name.endswith("*"):
            if any(f.startswith(name[:-1]) for f in counter):
                return True
        elif counter.get(name):
            return True
    return False


def origin_in(t, pointer: tuple) -> Origin:
    return Origin(t.origin.doc, tuple(t.origin.pointer) + tuple(pointer))


def expression_hit(model, t, pointer: tuple, text: str, node: Node | None = None,
                   **kw) -> Hit:
    """A finding on an expression string; in JSON on the characters of `node` inside it (the
    tree has offsets into the text), in Bicep on the Bicep value that produced it."""
    origin = origin_in(t, pointer)
    part = "key" if pointer and pointer[-1] == text else "value"
    if node is not None and not is_bicep(model) and node.end > node.start:
        return Hit(at=origin, part=part, inner=(node.start, node.end), **kw)
    return Hit(at=origin, part=part, **kw)


def is_key(pointer: tuple, text: str) -> bool:
    return bool(pointer) and pointer[-1] == text


def property_name(pointer: tuple, text: str) -> str | None:
    """The property an expression is the value of (None for array items and keys)."""
    if not pointer or is_key(pointer, text):
        return None
    last = pointer[-1]
    return last if isinstance(last, str) else None


# --- expression trees -------------------------------------------------------------------------


def call_name(node: Any) -> str | None:
    return node.name.lower() if isinstance(node, Call) and not node.namespace else None


def base_of(node: Node) -> Node:
    """The node under property accesses and indexes: `parameters('x').id[0]` -> the call."""
    while isinstance(node, (Member, Index)):
        node = node.target
    return node


def literal_text(node: Any) -> str | None:
    return node.value if isinstance(node, Literal) and isinstance(node.value, str) else None


def declared(t, section: str) -> dict:
    body = t.raw.get(section) if isinstance(t.raw, dict) else None
    return body if isinstance(body, dict) else {}


def owner_template(t):
    """The template whose parameters and variables the expressions of `t` see."""
    while t.parent is not None and t.scope is t.parent.scope:
        t = t.parent
    return t


def reaches(t, raw: Any, test, seen: set | None = None, path: tuple = ()) -> tuple | None:
    """The first node (and the chain of parameters/variables that led to it) in the raw value
    `raw` of template `t` for which `test(node)` holds, following `variables('x')` to the
    variable's value and `parameters('x')` to its default value."""
    seen = set() if seen is None else seen
    owner = owner_template(t)
    stack = [(raw, path)]
    while stack:
        value, trail = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, trail) for v in value.values())
            continue
        if isinstance(value, list):
            stack.extend((v, trail) for v in value)
            continue
        tree = tree_of(value)
        if tree is None:
            continue
        for node in walk(tree):
            if test(node):
                return node, trail
            name = call_name(node)
            if name in ("parameters", "variables") and node.args:
                ref = literal_text(node.args[0])
                if ref is None or (name, ref.lower()) in seen:
                    continue
                seen.add((name, ref.lower()))
                body = declared(owner, name)
                key = body.actual_key(ref) if hasattr(body, "actual_key") else ref
                if key not in body:
                    continue
                target = body[key]
                if name == "parameters":
                    if not isinstance(target, dict) or "defaultValue" not in target:
                        continue
                    target = target["defaultValue"]
                    label = f"{ref} (default value)"
                else:
                    label = ref
                stack.append((target, trail + (label,)))
    return None


# --- API versions ------------------------------------------------------------------------------


def _sort_key(version: str) -> tuple:
    return (version[:10], is_preview(version), version)


def acceptable_versions(versions, max_age: int) -> list[str]:
    return list(_acceptable(tuple(versions), max_age))


@functools.lru_cache(maxsize=4096)
def _acceptable(versions: tuple, max_age: int) -> tuple:
    """The versions of a type that pass: stable versions at most `max_age` days old (else the
    newest stable one), and recent previews newer than the newest stable version (when there is
    no stable version: recent previews, else the newest preview)."""
    today = table_date()
    stable = sorted((v for v in versions if not is_preview(v)), key=_sort_key)
    preview = sorted((v for v in versions if is_preview(v)), key=_sort_key)

    def recent(v: str) -> bool:
        d = version_date(v)
        return d is not None and (today - d).days <= max_age

    ok = [v for v in stable if recent(v)]
    if not ok and stable:
        ok = [stable[-1]]
    if stable:
        newest = stable[-1][:10]
        ok += [v for v in preview if recent(v) and v[:10] > newest]
    else:
        ok += [v for v in preview if recent(v)]
        if not ok and preview:
            ok = [preview[-1]]
    return tuple(sorted(ok, key=_sort_key, reverse=True))


def version_verdict(rtype: str, version: Any, max_age: int,
                    report_unpublished: bool = True) -> str | None:
    """Why `version` of `rtype` is not acceptable (None: it is, or nothing can be said)."""
    if not isinstance(version, str) or isinstance(version, Unknown):
        return None
    versions = published_versions(rtype)
    if not versions or version_date(version) is None:
        return None
    ok = acceptable_versions(versions, max_age)
    if version in ok:
        return None
    shown = ", ".join(ok[:3])
    if version not in versions:
        if not report_unpublished:
            return None
        newest = sorted(versions, key=_sort_key)[-1]
        return (f"API version {version} is not a published version of {rtype}; the newest is "
                f"{newest}")
    if is_preview(version):
        stable = [v for v in versions if not is_preview(v)]
        if stable:
            newest_stable = max(stable, key=_sort_key)
            if newest_stable[:10] > version[:10]:
                return (f"API version {version} of {rtype} is a preview, and a newer stable "
                        f"version exists; use one of {shown}")
            if newest_stable[:10] == version[:10]:
                return (f"API version {version} of {rtype} is a preview, and the stable version "
                        f"{newest_stable} of the same date exists")
    age = (table_date() - version_date(version)).days
    return (f"API version {version} of {rtype} is {age} days old (more than {max_age}); use one "
            f"of {shown}")


# --- reference() and list*() calls ----------------------------------------------------------------


def _resource_type_of(t, value) -> str | None:
    from ..expr.values import ResourceIdValue
    from ..model.names import parse_resource_id
    if isinstance(value, ResourceIdValue):
        return value.rtype if isinstance(value.rtype, str) else None
    if not isinstance(value, str) or isinstance(value, Unknown):
        return None
    if "/" in value:
        parsed = parse_resource_id(value)
        if parsed is None:
            return None
        # the table is keyed case-insensitively; give the type as it will be shown
        return parsed[0]
    matches = {r.type for r in owner_template(t).resources
               if (r.symbolic_name or "").lower() == value.lower() or
               (isinstance(r.name, str) and not isinstance(r.name, Unknown) and
                r.name.lower() == value.lower())}
    return matches.pop() if len(matches) == 1 else None


def reference_calls(model, names=("reference",), lists: bool = True) -> Iterator[tuple]:
    """(make_hit, function, resource type or None, apiVersion) of every call of `names` (and of
    list*() when `lists`) with a known apiVersion argument written in the linted file. make_hit(
    **kw) builds a finding on the apiVersion argument."""
    from ..expr.evaluate import evaluate
    if is_bicep(model):
        yield from _bicep_reference_calls(model, names, lists)
        return
    if not mentions(model, *(n + "(" for n in names)) and not (lists and mentions(model, "list")):
        return
    if bicep_generated(model):
        return  # the compiler writes the declared resource's API version; the .bicep is checked
    wanted = tuple(names) + (("list*",) if lists else ())
    for t, pointer, text, tree in expressions(model, wanted):
        low = text.lower()
        if not any(n + "(" in low for n in names) and not (lists and "list" in low):
            continue
        for node in walk(tree):
            fname = call_name(node)
            if fname is None or len(node.args) < 2 or not (
                    fname in names or (lists and fname.startswith("list"))):
                continue
            version = evaluate(node.args[1], t.ctx)
            if not isinstance(version, str) or isinstance(version, Unknown):
                continue
            rtype = _resource_type_of(t, evaluate(node.args[0], t.ctx))
            arg = node.args[1]
            yield ((lambda arg=arg, t=t, pointer=pointer, text=text, **kw:
                    expression_hit(model, t, pointer, text, arg, **kw)),
                   node.name, rtype, version)


def _bicep_reference_calls(model, names, lists) -> Iterator[tuple]:
    from ..bicep import syntax as S
    doc = root_doc(model)
    low = doc.text.lower()
    if not any(n + "(" in low for n in names) and not (lists and "list" in low):
        return
    for node in bicep_calls(doc):
        if node.base is not None or len(node.args) < 2:
            continue
        fname = node.name.name
        low = fname.lower()
        if not (low in names or (lists and low.startswith("list"))):
            continue
        arg = node.args[1]
        version = arg.value if isinstance(arg, S.String) else None
        if not version:
            continue
        rtype = None
        first = node.args[0]
        if isinstance(first, S.Call):
            for a in first.args:
                if isinstance(a, S.String) and a.value and "/" in a.value and \
                        "." in a.value.split("/")[0]:
                    rtype = a.value
                    break
        yield ((lambda arg=arg, **kw: Hit(at=(doc, arg.start, arg.end), **kw)),
               fname, rtype, version)


def label(res) -> str:
    """A resource for messages: its symbolic name, its name when known, else its type and the
    name as written."""
    if res.symbolic_name and "::" not in res.symbolic_name and is_bicep_doc(res.origin.doc):
        return res.symbolic_name
    name = res.display_name
    return f"{res.type} {name}" if name.startswith("[") else name


def is_bicep_doc(doc) -> bool:
    return getattr(doc, "tree", None) is not None


# --- Bicep syntax trees --------------------------------------------------------------------------

def bicep_calls(doc) -> list:
    """The Bicep `Call` nodes of a document (computed once per document)."""
    found = getattr(doc, "_resources_calls", None)
    if found is None:
        from ..bicep import syntax as S
        from ._bicep_util import document_facts
        found = sorted(document_facts(doc).of(S.Call), key=lambda n: (n.start, -n.end))  # outer first
        try:
            doc._resources_calls = found
        except AttributeError:
            pass
    return found


def mentions(model, *words: str) -> bool:
    """Whether the linted file's text contains any of `words` (lower case): a cheap test that
    spares parsing the expressions of files that cannot give a finding."""
    doc = root_doc(model)
    if doc is None:
        return False
    low = getattr(doc, "_resources_lower", None)
    if low is None:
        low = doc.text.lower()
        try:
            doc._resources_lower = low
        except AttributeError:
            pass
    return any(w in low for w in words)


def bicep_generated(model) -> bool:
    """A JSON template the Bicep compiler wrote (`metadata._generator.name` is bicep): what the
    compiler adds by itself (dependsOn entries, reference() calls with the declared API version)
    is fixed in the .bicep source, not here."""
    raw = model.root.raw if model is not None and model.root is not None else None
    meta = raw.get("metadata") if isinstance(raw, dict) else None
    gen = meta.get("_generator") if isinstance(meta, dict) else None
    return isinstance(gen, dict) and str(gen.get("name", "")).lower() == "bicep"
