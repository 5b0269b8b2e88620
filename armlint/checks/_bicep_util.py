"""Helpers the Bicep source rules (AL8001-AL8012) share.

Owns: one pass over a Bicep syntax tree per file (`facts(model)`, cached on the document) that
collects what the Bicep source rules look at: the declarations by kind, every name used as a
value, a type or a function, the nodes of the kinds the rules inspect, and the names that loops
and lambdas bind locally. Nothing here decides a finding.

Names are resolved the conservative way: a use of a name anywhere counts as a use of the
top-level declaration of that name, even where a loop variable or a lambda parameter of the same
name shadows it. That can only hide a finding of the "unused" rules, never invent one.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any, Iterator

from ..bicep import syntax as S

# --- Bicep ------------------------------------------------------------------------------------

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Words the Bicep lexer reads as literals, never as a property name or an identifier.
LITERAL_WORDS = frozenset({"true", "false", "null"})

_FIELDS: dict[type, tuple[str, ...]] = {}
# Fields that never hold a syntax node worth visiting: names (a str or an Identifier), payloads.
_SKIPPED = frozenset({"start", "end", "name", "alias", "segments", "segment_spans", "multiline",
                      "safe", "from_end", "existing", "codes", "kind", "value_text"})
_SCALARS = (str, int, float, bool)


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in _SKIPPED)
        if cls is S.ForExpr:
            names = tuple(n for n in names if n not in ("item", "index"))
        _FIELDS[cls] = names
    return names


def walk(node: Any) -> Iterator[Any]:
    """Every syntax node under `node` (itself included), in no particular order. Identifiers
    (names in declarations, properties and member accesses) are not visited."""
    stack = [node]
    pop, push, extend = stack.pop, stack.append, stack.extend
    fields = _FIELDS
    while stack:
        n = pop()
        cls = n.__class__
        if cls is list:
            extend(n)
            continue
        if cls is S.Identifier or not hasattr(n, "__dataclass_fields__"):
            continue
        yield n
        for name in fields.get(cls) or _fields(cls):
            value = getattr(n, name)
            if value is not None and not isinstance(value, _SCALARS):
                push(value)


@dataclasses.dataclass
class DeclaredResource:
    node: S.Resource
    full_type: str  # without the API version
    api_version: str | None
    parent: "DeclaredResource | None"  # the enclosing resource of a nested declaration
    nested: bool


@dataclasses.dataclass
class BicepFacts:
    doc: Any
    tree: S.BicepFile
    params: dict = dataclasses.field(default_factory=dict)  # name -> S.Param
    variables: dict = dataclasses.field(default_factory=dict)  # name -> S.Var
    types: dict = dataclasses.field(default_factory=dict)  # name -> S.TypeDecl
    resources: list = dataclasses.field(default_factory=list)  # DeclaredResource, all levels
    value_uses: Counter = dataclasses.field(default_factory=Counter)  # Variable names, call names
    read_names: set = dataclasses.field(default_factory=set)  # names read as values (Variable)
    type_uses: Counter = dataclasses.field(default_factory=Counter)  # TypeRef names
    local_names: set = dataclasses.field(default_factory=set)  # loop variables, lambda params
    nodes: dict = dataclasses.field(default_factory=dict)  # class -> [nodes] of COLLECTED kinds

    def of(self, cls: type) -> list:
        return self.nodes.get(cls, [])

    def used(self, name: str) -> bool:
        return self.value_uses[name] > 0 or self.type_uses[name] > 0


COLLECTED = (S.Call, S.Ternary, S.Property, S.IndexAccess, S.TypeRef, S.TypePropertyAccess)


def facts(model) -> BicepFacts | None:
    """The facts of the linted Bicep file (built on first use, once per file), or None for JSON
    and `.bicepparam` files."""
    root = model.root if model is not None else None
    return document_facts(root.origin.doc if root is not None else None)


def document_facts(doc) -> BicepFacts | None:
    """The facts of one Bicep document (built once per document), or None for JSON."""
    tree = getattr(doc, "tree", None)
    if tree is None:
        return None
    found = getattr(doc, "_armlint_bicep_facts", None)
    if found is None:
        found = _build(doc, tree)
        try:
            doc._armlint_bicep_facts = found
        except AttributeError:  # a document class with slots: build again next time
            pass
    return found


def _build(doc, tree: S.BicepFile) -> BicepFacts:
    out = BicepFacts(doc, tree)
    for st in tree.statements:
        if isinstance(st, S.Param):
            out.params[st.name.name] = st
        elif isinstance(st, S.Var):
            out.variables[st.name.name] = st
        elif isinstance(st, S.TypeDecl):
            out.types[st.name.name] = st
        elif isinstance(st, S.Resource):
            _declare(out, st, None)
    nodes: dict = {cls: [] for cls in COLLECTED}
    values, types, local, read = out.value_uses, out.type_uses, out.local_names, out.read_names
    fields = _FIELDS
    Variable, Identifier, Call, TypeRef = S.Variable, S.Identifier, S.Call, S.TypeRef
    stack = list(tree.statements)
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        n = pop()
        cls = n.__class__
        if cls is list:
            extend(n)
            continue
        if cls is Variable:
            values[n.name] += 1
            read.add(n.name)
            continue
        if cls is Identifier:
            continue
        names = fields.get(cls)
        if names is None:
            if not hasattr(n, "__dataclass_fields__"):
                continue
            names = _fields(cls)
        bucket = nodes.get(cls)
        if bucket is not None:
            bucket.append(n)
        if cls is Call:
            values[n.name.name] += 1
        elif cls is TypeRef:
            types[n.name] += 1
            continue
        elif cls is S.ForExpr:
            for ident in (n.item, n.index):
                if ident is not None:
                    local.add(ident.name)
        elif cls is S.Lambda:
            local.update(p.name for p in n.params)
        elif cls is S.TypedLambda:
            local.update(p.name.name for p in n.params)
        for name in names:
            value = getattr(n, name)
            if value is not None and not isinstance(value, _SCALARS):
                push(value)
    out.nodes = nodes
    return out


def _declare(out: BicepFacts, st: S.Resource, parent: DeclaredResource | None) -> None:
    spec = st.type.value or ""
    rtype, _, version = spec.partition("@")
    if parent is not None and "/" not in rtype.split("/", 1)[0] and "." not in rtype:
        rtype = f"{parent.full_type}/{rtype}"
        if not version:
            version = parent.api_version or ""
    info = DeclaredResource(st, rtype, version or None, parent, parent is not None)
    out.resources.append(info)
    body = st.object
    if body is not None:
        for child in body.resources:
            _declare(out, child, info)


def is_sys_call(call: S.Call, name: str) -> bool:
    """`name(...)` or `sys.name(...)` (not a method call on a value, not a user function of
    another namespace)."""
    if call.name.name != name:
        return False
    return call.base is None or (isinstance(call.base, S.Variable) and call.base.name == "sys")


def same_syntax(a: Any, b: Any) -> bool:
    """Whether two syntax trees are the same, ignoring positions, whitespace and comments."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same_syntax(x, y) for x, y in zip(a, b))
    if not hasattr(a, "__dataclass_fields__"):
        return a == b
    for f in dataclasses.fields(a):
        if f.name in ("start", "end", "segment_spans"):
            continue
        if not same_syntax(getattr(a, f.name), getattr(b, f.name)):
            return False
    return True


def source(doc, node: Any) -> str:
    return doc.text[node.start:node.end]


def at(doc, node: Any) -> tuple:
    """A finding position for a syntax node."""
    return (doc, node.start, node.end)
