"""AL2010 default-out-of-range: a parameter's default value breaks its own minValue/maxValue
(integers) or minLength/maxLength (strings and arrays).

The default and the limits are evaluated as written; unknown values, defaults built from other
parameters (which a deployment may set) and limits that are not integers (see
min-max-not-numbers) are left alone.
"""
from __future__ import annotations

from ..engine.run import Hit
from ._params_util import declaring_templates, field_origin, has_field, literal_default, \
    resolve_field


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def check(ctx, rule):
    for t in declaring_templates(ctx["model"]):
        for decl in t.parameters:
            if not has_field(decl, "defaultValue"):
                continue
            limits = {k: _int(resolve_field(t, decl, k)) for k in
                      ("minValue", "maxValue", "minLength", "maxLength") if has_field(decl, k)}
            limits = {k: v for k, v in limits.items() if v is not None}
            if not limits:
                continue
            default = literal_default(t, decl)
            if default is None:
                continue
            problem = _problem(default, limits)
            if problem:
                yield Hit(at=field_origin(decl, "defaultValue"),
                          bind={"param": decl.name, "problem": problem})


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
