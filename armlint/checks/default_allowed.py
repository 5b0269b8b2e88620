"""AL2009 default-not-allowed: a parameter's default value is not one of its allowedValues.

The default and the allowed values are evaluated as written (a parameter file's value does not
replace the default here); when either is not known before deployment, or the default is built
from other parameters (which a deployment may set), nothing is reported.
Strings are compared without regard to case, so only a default that matches no allowed value in
any casing is reported. For an array parameter every element of the default must be allowed.
"""
from __future__ import annotations

import json

from ..engine.items import ParameterContext
from ..engine.report import Report
from ..expr.values import contains_unknown


def same(a, b) -> bool:
    """JSON equality, strings compared without regard to case, booleans apart from numbers."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return len(a) == len(b) and all(k in b and same(v, b[k]) for k, v in a.items())
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a is None and b is None


def shown(value) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check(ctx: ParameterContext, report: Report) -> None:
    decl = ctx.declaration
    if not (decl.has_field("defaultValue") and decl.has_field("allowedValues")):
        return
    allowed = decl.resolved("allowedValues")
    if not isinstance(allowed, list) or not allowed or contains_unknown(allowed):
        return
    default = decl.literal_default
    if default is None:
        return
    if decl.declared_type == "array" and isinstance(default, list):
        missing = [v for v in default if not any(same(v, a) for a in allowed)]
    else:
        missing = [] if any(same(default, a) for a in allowed) else [default]
    if missing:
        value = shown(default) if missing == [default] else \
            f"{shown(default)} (element {', '.join(shown(v) for v in missing)})"
        report.at_origin(decl.field_origin("defaultValue"), param=decl.name, value=value,
                         allowed=", ".join(shown(a) for a in allowed[:8]) +
                         (", ..." if len(allowed) > 8 else ""))
