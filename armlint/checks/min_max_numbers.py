"""AL2005 min-max-not-numbers: a parameter's minValue, maxValue, minLength or maxLength that is
not an integer (a string such as "10", a fraction, a boolean, an expression)."""
from __future__ import annotations

import json

from ..engine.items import ParameterContext
from ..engine.report import Report

LIMITS = ("minValue", "maxValue", "minLength", "maxLength")


def check(ctx: ParameterContext, report: Report) -> None:
    decl = ctx.declaration
    for key in LIMITS:
        if not decl.has_field(key):
            continue
        value = decl.field(key)
        if isinstance(value, int) and not isinstance(value, bool):
            continue
        origin = decl.field_origin(key)
        report.at_origin(origin, param=decl.name, limit=origin.pointer[-1], value=_written(value))


def _written(value) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)
