"""AL2005 min-max-not-numbers: a parameter's minValue, maxValue, minLength or maxLength that is
not an integer (a string such as "10", a fraction, a boolean, an expression)."""
from __future__ import annotations

from ..engine.run import Hit
from ._params_util import declaring_templates, field, field_origin, has_field

LIMITS = ("minValue", "maxValue", "minLength", "maxLength")


def check(ctx, rule):
    for t in declaring_templates(ctx["model"]):
        for decl in t.parameters:
            for key in LIMITS:
                if not has_field(decl, key):
                    continue
                value = field(decl, key)
                if isinstance(value, int) and not isinstance(value, bool):
                    continue
                origin = field_origin(decl, key)
                yield Hit(at=origin, bind={"param": decl.name, "limit": origin.pointer[-1],
                                           "value": _written(value)})


def _written(value) -> str:
    import json
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)
