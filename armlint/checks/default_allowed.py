"""AL2009 default-not-allowed: a parameter's default value is not one of its allowedValues.

The default and the allowed values are evaluated as written (a parameter file's value does not
replace the default here); when either is not known before deployment, or the default is built
from other parameters (which a deployment may set), nothing is reported.
Strings are compared without regard to case, so only a default that matches no allowed value in
any casing is reported. For an array parameter every element of the default must be allowed.
"""
from __future__ import annotations

import json

from ..engine.run import Hit
from ..expr.values import contains_unknown
from ._params_util import declaring_templates, decl_type, field_origin, has_field, \
    literal_default, resolve_field


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


def check(ctx, rule):
    for t in declaring_templates(ctx["model"]):
        for decl in t.parameters:
            if not (has_field(decl, "defaultValue") and has_field(decl, "allowedValues")):
                continue
            allowed = resolve_field(t, decl, "allowedValues")
            if not isinstance(allowed, list) or not allowed or contains_unknown(allowed):
                continue
            default = literal_default(t, decl)
            if default is None:
                continue
            if decl_type(decl) == "array" and isinstance(default, list):
                missing = [v for v in default if not any(same(v, a) for a in allowed)]
            else:
                missing = [] if any(same(default, a) for a in allowed) else [default]
            if missing:
                value = shown(default) if missing == [default] else \
                    f"{shown(default)} (element {', '.join(shown(v) for v in missing)})"
                yield Hit(at=field_origin(decl, "defaultValue"), bind={
                    "param": decl.name, "value": value,
                    "allowed": ", ".join(shown(a) for a in allowed[:8]) +
                    (", ..." if len(allowed) > 8 else "")})
