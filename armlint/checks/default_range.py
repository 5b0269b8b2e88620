"""AL2010 default-out-of-range: a parameter's default value breaks its own minValue/maxValue
(integers) or minLength/maxLength (strings and arrays).

The default and the limits are evaluated as written; unknown values, defaults built from other
parameters (which a deployment may set) and limits that are not integers (see
min-max-not-numbers) are left alone.
"""
from __future__ import annotations

from ..engine.items import ParameterContext
from ..engine.report import Report


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def check(ctx: ParameterContext, report: Report) -> None:
    decl = ctx.declaration
    if not decl.has_field("defaultValue"):
        return
    limits = {k: _int(decl.resolved(k)) for k in
              ("minValue", "maxValue", "minLength", "maxLength") if decl.has_field(k)}
    limits = {k: v for k, v in limits.items() if v is not None}
    if not limits:
        return
    default = decl.literal_default
    if default is None:
        return
    problem = _problem(default, limits)
    if problem:
        report.at_origin(decl.field_origin("defaultValue"), param=decl.name, problem=problem)


def _problem(default, limits: dict) -> str | None:
    number = _int(default)
    if number is not None:
        low, high = limits.get("minValue"), limits.get("maxValue")
        if low is not None and number < low:
            return f"is {number}, below its minValue {low}"
        if high is not None and number > high:
            return f"is {number}, above its maxValue {high}"
    if isinstance(default, (str, list)):
        size = len(default)
        what = "characters" if isinstance(default, str) else "elements"
        low, high = limits.get("minLength"), limits.get("maxLength")
        if low is not None and size < low:
            return f"has {size} {what}, fewer than its minLength {low}"
        if high is not None and size > high:
            return f"has {size} {what}, more than its maxLength {high}"
    return None
