"""AL4002 api-version-not-recent-in-reference: the apiVersion argument of reference() or a
list*() function (listKeys, listSecrets...) is old, a superseded preview, or not published for
the resource type the call reads. The type comes from the first argument (a resourceId() call, a
resource ID, or the name of a resource of the template); calls whose type cannot be told are
left alone. The same verdict as api-version-not-recent, with the same option."""
from __future__ import annotations

from ._resources_util import reference_calls, version_verdict
from .common import published_versions


def _table_type(rtype: str) -> str | None:
    """The type itself, or (as arm-ttk does) its nearest parent type that the table knows."""
    segments = rtype.split("/")
    while len(segments) >= 2:
        candidate = "/".join(segments)
        if published_versions(candidate):
            return candidate
        segments = segments[:-1]
    return None


def check(ctx, rule):
    model = ctx["model"]
    try:
        max_age = int(ctx["options"].get("maxAllowedAgeInDays", 730))
    except (TypeError, ValueError):
        max_age = 730
    for make_hit, fname, rtype, version in reference_calls(model):
        if not rtype:
            continue
        table_type = _table_type(rtype)
        if table_type is None:
            continue
        reason = version_verdict(table_type, version, max_age,
                                 report_unpublished=table_type.lower() == rtype.lower())
        if reason is None:
            continue
        yield make_hit(bind={"func": fname, "reason": reason})
