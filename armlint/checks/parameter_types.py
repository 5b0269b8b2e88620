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

from ..engine.items import ParameterContext
from ..engine.report import Report
from ..expr import parser
from ..expr.query import exact_parameter

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


def check(ctx: ParameterContext, report: Report) -> None:
    decl = ctx.declaration
    t = ctx.template
    if t.is_bicep:
        return  # the Bicep compiler checks types itself
    base = BASE.get(decl.declared_type)
    if base is not None:
        if decl.has_field("defaultValue"):
            found = kind_of(decl.field("defaultValue"))
            if found is not None and found != base:
                report.at_origin(decl.field_origin("defaultValue"), message=(
                    "The default value of parameter '{param}' is {kind}, but the "
                    "parameter is declared as {declared}"),
                    param=decl.name, kind=_a(found), declared=decl.field("type"))
        allowed = decl.field("allowedValues")
        if isinstance(allowed, list) and base != "array":
            origin = decl.field_origin("allowedValues")
            for i, value in enumerate(allowed):
                found = kind_of(value)
                if found is not None and found != base:
                    report.at_origin(origin.child(i), message=(
                        "Allowed value {position} of parameter '{param}' is {kind}, "
                        "but the parameter is declared as {declared}"),
                        position=str(i + 1), param=decl.name, kind=_a(found),
                        declared=decl.field("type"))
    res = t.deployment
    if res is not None and t.parent is not None and not t.parent.is_bicep:
        _given(res, decl, report)


def _given(res, target, report: Report) -> None:
    """The value an inner-scoped nested deployment gives parameter `target` as exactly
    `[parameters('x')]`, against the outer parameter `x`."""
    props = res.raw.get("properties")
    passed = props.get("parameters") if isinstance(props, dict) else None
    if not isinstance(passed, dict):
        return
    name = passed.actual_key(target.name) if hasattr(passed, "actual_key") else target.name
    entry = passed.get(name) if name is not None else None
    if not isinstance(entry, dict) or "value" not in entry:
        return
    value = entry["value"]
    if not isinstance(value, str) or value[:12].lower() != "[parameters(":
        return
    source = exact_parameter(value)
    outer = res.template.parameters_seen.get(source.lower()) if source else None
    if outer is None:
        return
    t_type, o_type = target.declared_type, outer.declared_type
    if t_type not in BASE or o_type not in BASE:
        return
    at = res.origin_of("properties", "parameters", name, "value")
    deployment = res.display_name
    if BASE[t_type] != BASE[o_type]:
        report.at_origin(at, message=(
            "Parameter '{param}' of nested deployment '{deployment}' is declared as "
            "{declared}, but it is given parameter '{given}', declared as {given_type}"),
            param=target.name, deployment=deployment, declared=target.field("type"),
            given=outer.name, given_type=outer.field("type"))
    elif o_type.startswith("secure") and not t_type.startswith("secure"):
        report.at_origin(at, message=(
            "Secure parameter '{given}' is given to parameter '{param}' of "
            "nested deployment '{deployment}', declared as {declared}: the "
            "nested deployment keeps the value in plain text; declare it as {secure_type}"),
            given=outer.name, param=target.name, deployment=deployment,
            declared=target.field("type"),
            secure_type="secureString" if BASE[t_type] == "string" else "secureObject")


def _a(kind: str) -> str:
    return {"int": "an integer", "number": "a fraction", "array": "an array",
            "object": "an object"}.get(kind, f"a {kind}")
