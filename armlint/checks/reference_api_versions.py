"""AL4002 api-version-not-recent-in-reference: the apiVersion argument of reference() or a
list*() function (listKeys, listSecrets...) is old, a superseded preview, or not published for
the resource type the call reads. The type comes from the first argument (a resourceId() call, a
resource ID, or the name of a resource of the template); calls whose type cannot be told are
left alone. The same verdict as api-version-not-recent, with the same option."""
from __future__ import annotations

from ..engine.items import BicepNodeContext, ExpressionContext
from ..engine.report import Report
from ._api_versions import published_versions, version_verdict
from ._reference_calls import reference_calls


def _table_type(rtype: str) -> str | None:
    """The type itself, or (as arm-ttk does) its nearest parent type that the table knows."""
    segments = rtype.split("/")
    while len(segments) >= 2:
        candidate = "/".join(segments)
        if published_versions(candidate):
            return candidate
        segments = segments[:-1]
    return None


def check(ctx: ExpressionContext | BicepNodeContext, report: Report) -> None:
    try:
        max_age = int(ctx.options.get("maxAllowedAgeInDays", 730))
    except (TypeError, ValueError):
        max_age = 730
    for fname, rtype, version, arg in reference_calls(ctx, lists=True):
        if not rtype:
            continue
        table_type = _table_type(rtype)
        if table_type is None:
            continue
        reason = version_verdict(table_type, version, max_age,
                                 report_unpublished=table_type.lower() == rtype.lower())
        if reason is not None:
            report.at_node(arg, func=fname, reason=reason)
