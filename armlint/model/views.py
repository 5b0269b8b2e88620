"""Plain-data views of the model for rules: resolved values that remember where they were written.

Owns: `resource_view` (a resource's JSON with every expression evaluated, UNKNOWN where a value
needs the deployment; child `resources` and a nested deployment's inline `template` left out, as
they are resources and templates of their own) and `summary` (type, name and view of a related
resource, as rules see parents, children and attached resources). Views are built once per
resource and shared by every rule.
"""
from __future__ import annotations

from typing import Any

from ..expr.evaluate import resolve
from ..expr.values import Obj, PartialString, Unknown
from .template import Resource


def resource_view(res: Resource) -> Obj:
    view = res._view
    if view is None:
        view = Obj()
        view.origin = res.origin
        nested = res.nested_template is not None
        for key, raw in res.raw.items():
            low = key.lower()
            if low == "resources":
                continue
            if nested and low == "properties" and isinstance(raw, dict):
                view[key] = _properties_without_template(res, key, raw)
                continue
            view[key] = resolve(raw, res.origin.child(key), res.ctx)
        res._view = view
    return view


def _properties_without_template(res: Resource, key: str, raw: dict) -> Obj:
    origin = res.origin.child(key)
    out = Obj()
    out.origin = origin
    for k, v in raw.items():
        out[k] = v if k.lower() == "template" else resolve(v, origin.child(k), res.ctx)
    return out


def summary(res: Resource) -> Obj:
    """What a rule sees of a related resource."""
    out = Obj(type=res.type, name=res.name, display_name=res.display_name,
              symbolic_name=res.symbolic_name, resource=resource_view(res), existing=res.existing)
    out.origin = None
    return out


def display_name(value: Any) -> str:
    """A value for messages: the string, or the expression text where parts are unknown; booleans
    as templates write them (`false`, not Python's `False`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, PartialString):
        return "".join(p if isinstance(p, str) else "[" + p.text + "]" for p in value.parts)
    if isinstance(value, Unknown):
        return str(value)
    return str(value)
