"""AL4010 deployment-debug: a nested deployment logs its request or response content
(`properties.debugSetting.detailLevel` other than 'none')."""
from __future__ import annotations

from ..engine.run import Hit
from ..expr.evaluate import resolve
from ..expr.values import Origin, Unknown
from ._resources_util import file_resources


def check(ctx, rule):
    model = ctx["model"]
    for res in file_resources(model, ("microsoft.resources/deployments",)):
        props = res.raw.get("properties")
        debug = props.get("debugSetting") if isinstance(props, dict) else None
        if not isinstance(debug, dict) or "detailLevel" not in debug:
            continue
        key = debug.actual_key("detailLevel")
        value = resolve(debug[key], None, res.ctx)
        if not isinstance(value, str) or isinstance(value, Unknown):
            continue
        if value.strip().lower() in ("", "none"):
            continue
        at = Origin(res.origin.doc, tuple(res.origin.pointer) + (
            res.raw.actual_key("properties"), props.actual_key("debugSetting"), key))
        yield Hit(at=at, bind={"level": value, "deployment": res.symbolic_name or res.display_name})
