"""AL1016 missing-description: declarations without a description, or with a blank one.

Which declarations: the `declarations` option (parameters by default; also outputs, types,
type-properties, variables). JSON: `metadata.description` of the root template's parameters,
outputs and `definitions` (and the properties of object types inside them); variables have no
description in JSON. Bicep: the `@description(...)` decorator, or a `description` in
`@metadata({...})` (the compiler writes both to the same place); a user-defined type with
`@discriminator` is not required to have one, as in the Bicep linter. A description that is not a
literal string (an interpolation, an expression) counts as given."""
from __future__ import annotations

from typing import Any

from ..engine.items import DocumentContext
from ..engine.report import Report

_WHAT = {"parameters": "parameter", "outputs": "output", "types": "type",
         "type-properties": "type property", "variables": "variable"}


def check(ctx: DocumentContext, report: Report) -> None:
    model = ctx.model
    if model.root is None:
        return
    wanted = {str(k).lower() for k in ctx.options.get("declarations") or ()}
    semantic = model.semantic
    found = _bicep(semantic, wanted) if semantic is not None else _json(model.root, wanted)
    for at, message, values in found:
        if isinstance(at, tuple):
            report.at_origin(at[0], part=at[1], message=message, **values)
        else:
            report.at_node(at, message=message, **values)


# --- JSON ------------------------------------------------------------------------------------

def _described(raw: Any) -> tuple[str, Any]:
    """("missing" | "blank" | "ok", the key path to the description when blank)."""
    meta_key = raw.actual_key("metadata") if hasattr(raw, "actual_key") else None
    meta = raw[meta_key] if meta_key is not None else None
    desc_key = meta.actual_key("description") if hasattr(meta, "actual_key") else None
    if desc_key is None:
        return "missing", None
    value = meta[desc_key]
    if isinstance(value, str) and not value.strip():
        return "blank", (meta_key, desc_key)
    return "ok", None


_BLANK = "the description of {what} '{declaration}' is blank; say what it is for"


_MISSING_JSON = ("{what} '{declaration}' has no description; add \"metadata\": "
                 "{{\"description\": \"...\"}} saying what it is for")
_MISSING_BICEP = "{what} '{declaration}' has no description; add @description('...') saying " \
    "what it is for"


def _json_hit(what: str, name: str, raw: Any, origin) -> tuple | None:
    """((origin, part), message, values) of the finding on one JSON declaration, or None."""
    if not hasattr(raw, "actual_key"):
        return None
    state, keys = _described(raw)
    values = {"what": what, "declaration": name}
    if state == "missing":
        return (origin, "key"), _MISSING_JSON, values
    if state == "blank":
        return (origin.child(keys[0]).child(keys[1]), "value"), _BLANK, values
    return None


def _json(template, wanted: set):
    raw = template.raw
    for section, kind in (("parameters", "parameters"), ("outputs", "outputs")):
        if kind not in wanted:
            continue
        for decl in getattr(template, section):
            hit = _json_hit(_WHAT[kind], decl.name, decl.raw, decl.origin)
            if hit is not None:
                yield hit
    if not wanted & {"types", "type-properties"}:
        return
    key = raw.actual_key("definitions")
    definitions = raw.get("definitions")
    if key is None or not isinstance(definitions, dict):
        return
    for name, definition in definitions.items():
        origin = template.origin.child(key).child(name)
        if not hasattr(definition, "actual_key"):
            continue
        if "types" in wanted and "discriminator" not in definition:
            hit = _json_hit("type", name, definition, origin)
            if hit is not None:
                yield hit
        if "type-properties" in wanted:
            yield from _json_properties(definition, origin, name)


def _json_properties(schema: Any, origin, path: str):
    """The properties of every object type inside a type definition, at any depth."""
    stack = [(schema, origin, path)]
    while stack:
        node, at, label = stack.pop()
        if not hasattr(node, "actual_key"):
            continue
        props_key = node.actual_key("properties")
        props = node.get("properties")
        if props_key is not None and isinstance(props, dict):
            for pname, prop in props.items():
                hit = _json_hit("type property", f"{label}.{pname}", prop,
                                at.child(props_key).child(pname))
                if hit is not None:
                    yield hit
                stack.append((prop, at.child(props_key).child(pname), f"{label}.{pname}"))
        extra_key = node.actual_key("additionalProperties")
        extra = node.get("additionalProperties")
        if extra_key is not None and hasattr(extra, "actual_key"):
            hit = _json_hit("type property", f"{label}.*", extra, at.child(extra_key))
            if hit is not None:
                yield hit
            stack.append((extra, at.child(extra_key), f"{label}.*"))
        items_key = node.actual_key("items")
        if items_key is not None and hasattr(node.get("items"), "actual_key"):
            stack.append((node["items"], at.child(items_key), f"{label}[]"))


# --- Bicep -----------------------------------------------------------------------------------

def _bicep(semantic, wanted: set):
    from ..bicep import syntax as S
    from ..bicep.semantic import sys_decorator
    kinds = {S.Param: "parameters", S.Output: "outputs", S.TypeDecl: "types", S.Var: "variables"}
    for st in semantic.tree.statements:
        kind = kinds.get(type(st))
        if kind is None:
            continue
        if kind in wanted and not (kind == "types" and sys_decorator(st, "discriminator")):
            hit = _bicep_hit(st, _WHAT[kind], st.name.name, st.name)
            if hit is not None:
                yield hit
        if kind == "types" and "type-properties" in wanted:
            yield from _bicep_properties(st.value, st.name.name)


def _bicep_properties(texpr, label: str):
    from ..bicep import syntax as S
    from ..bicep.semantic import walk
    for node in walk(texpr):
        if isinstance(node, S.ObjectTypeProperty) and node.name is not None:
            hit = _bicep_hit(node, "type property", f"{label}.{node.name}", node.key)
        elif isinstance(node, S.ObjectTypeAdditional):
            # the `*` of `*: type`, which is where the declaration's name would be
            hit = _bicep_hit(node, "type property", f"{label}.*", S.Node(node.start,
                                                                          node.start + 1))
        else:
            continue
        if hit is not None:
            yield hit


def _bicep_hit(node, what: str, name: str, where) -> tuple | None:
    """(node, message, values) of the finding on one Bicep declaration, or None."""
    from ..bicep import syntax as S
    from ..bicep.semantic import sys_decorator
    values = {"what": what, "declaration": name}
    dec = sys_decorator(node, "description")
    if dec is None:
        meta = sys_decorator(node, "metadata")
        if meta is not None and meta.args and isinstance(meta.args[0], S.Object):
            prop = next((p for p in meta.args[0].properties
                         if p.name is not None and p.name.lower() == "description"), None)
            if prop is not None:
                value = prop.value
                if isinstance(value, S.String) and value.value is not None and \
                        not value.value.strip():
                    return value, _BLANK, values
                return None
        return where, _MISSING_BICEP, values
    arg = dec.args[0] if dec.args else None
    if isinstance(arg, S.String) and arg.value is not None and not arg.value.strip():
        return arg, _BLANK, values
    return None
