"""AL2006 parameter-type-inconsistent: a parameter's declared type disagrees with a value
written for it.

Three places are compared with the declared type: the `defaultValue` and the `allowedValues`
written as literals (expressions are left alone: their type is not always known), and the value
an inner-scoped nested deployment gets as exactly `[parameters('x')]`, against the outer
parameter `x`. secureString counts as string and secureObject as object, except that a secure
outer parameter handed to a nested parameter that is not secure is reported (the nested
deployment stores the value in plain text). A plain value handed to a secure parameter is fine.
"""
from __future__ import annotations

from ..engine.run import Hit
from ._params_util import declaring_templates, decl_type, exact_parameter, field, \
    field_origin, has_field, is_bicep, own_templates, parameters_of
from ..expr import parser

BASE = {"string": "string", "securestring": "string", "int": "int", "bool": "bool",
        "object": "object", "secureobject": "object", "array": "array"}


def kind_of(value) -> str | None:
    """The ARM type of a literal JSON value (None for null and expressions)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return None if parser.is_expression(value) else "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return None


def check(ctx, rule):
    model = ctx["model"]
    for t in declaring_templates(model):
        if is_bicep(t):
            continue  # the Bicep compiler checks types itself
        for decl in t.parameters:
            declared = decl_type(decl)
            base = BASE.get(declared)
            if base is None:
                continue
            if has_field(decl, "defaultValue"):
                found = kind_of(field(decl, "defaultValue"))
                if found is not None and found != base:
                    yield Hit(at=field_origin(decl, "defaultValue"), message=(
                        "The default value of parameter '{param}' is {kind}, but the "
                        "parameter is declared as {declared}"), bind={
                        "param": decl.name, "kind": _a(found), "declared": field(decl, "type")})
            allowed = field(decl, "allowedValues")
            if isinstance(allowed, list) and base != "array":
                origin = field_origin(decl, "allowedValues")
                for i, value in enumerate(allowed):
                    found = kind_of(value)
                    if found is not None and found != base:
                        yield Hit(at=origin.child(i), message=(
                            "Allowed value {position} of parameter '{param}' is {kind}, "
                            "but the parameter is declared as {declared}"), bind={
                            "position": str(i + 1), "param": decl.name, "kind": _a(found),
                            "declared": field(decl, "type")})
    for t in own_templates(model):
        if is_bicep(t):
            continue
        for res in t.resources:
            yield from _nested(res)


def _nested(res):
    inner = res.nested_template
    if inner is None or inner.scope is res.template.scope:
        return
    props = res.raw.get("properties")
    passed = props.get("parameters") if isinstance(props, dict) else None
    if not isinstance(passed, dict):
        return
    outer_params = parameters_of(res.template)
    inner_params = {d.name.lower(): d for d in inner.parameters}
    origin = res.origin.child(res.raw.actual_key("properties")).child(
        props.actual_key("parameters"))
    for name, entry in passed.items():
        if not isinstance(entry, dict) or "value" not in entry:
            continue
        value = entry["value"]
        if not isinstance(value, str) or value[:12].lower() != "[parameters(":
            continue
        source = exact_parameter(value)
        target = inner_params.get(name.lower())
        outer = outer_params.get(source.lower()) if source else None
        if target is None or outer is None:
            continue
        t_type, o_type = decl_type(target), decl_type(outer)
        if t_type not in BASE or o_type not in BASE:
            continue
        at = origin.child(name).child(entry.actual_key("value"))
        deployment = res.display_name
        if BASE[t_type] != BASE[o_type]:
            yield Hit(at=at, message=(
                "Parameter '{param}' of nested deployment '{deployment}' is declared as "
                "{declared}, but it is given parameter '{given}', declared as {given_type}"),
                bind={"param": target.name, "deployment": deployment,
                      "declared": field(target, "type"), "given": outer.name,
                      "given_type": field(outer, "type")})
        elif o_type.startswith("secure") and not t_type.startswith("secure"):
            yield Hit(at=at, message=(
                "Secure parameter '{given}' is given to parameter '{param}' of "
                "nested deployment '{deployment}', declared as {declared}: the "
                "nested deployment keeps the value in plain text; declare it as {secure_type}"),
                bind={"given": outer.name, "param": target.name, "deployment": deployment,
                      "declared": field(target, "type"),
                      "secure_type": "secureString" if BASE[t_type] == "string" else
                      "secureObject"})


def _a(kind: str) -> str:
    return {"int": "an integer", "number": "a fraction", "array": "an array",
            "object": "an object"}.get(kind, f"a {kind}")
