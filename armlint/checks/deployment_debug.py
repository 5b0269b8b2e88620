"""AL4010 deployment-debug: a nested deployment logs its request or response content
(`properties.debugSetting.detailLevel` other than 'none')."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.evaluate import resolve
from ..expr.query import known_text


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if not res.deployed:
        return
    props = res.raw.get("properties")
    debug = props.get("debugSetting") if isinstance(props, dict) else None
    if not isinstance(debug, dict) or "detailLevel" not in debug:
        return
    value = resolve(debug[debug.actual_key("detailLevel")], None, res.ctx)
    if not known_text(value) or value.strip().lower() in ("", "none"):
        return
    report.at_origin(res.origin_of("properties", "debugSetting", "detailLevel"),
                     detail_level=value, deployment=res.symbolic_name or res.display_name)
