"""AL4005 resource-without-location: a resource of a regional (tracked) type is declared without
`location`.

Only the types listed in the `types` option are checked: top-level tracked types whose API
requires a location (ARM answers LocationRequired, the Bicep compiler a missing-property error).
Child resources, extension resources (diagnostic settings, locks, role assignments) and
deployments inherit or have no location, so they are never reported."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report

_cache: dict = {}


def _types(listed) -> frozenset:
    key = tuple(listed or ())
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = frozenset(t.lower() for t in key if isinstance(t, str))
    return found


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    wanted = _types(ctx.options.get("types"))
    if not wanted or not res.deployed or res.type_key not in wanted or "location" in res.raw or \
            "scope" in res.raw:
        return
    report.at_origin(_type_origin(res), message=(
        "{type} '{resource}' has no location; resources of this type are "
        "regional and must say where they are deployed"), type=res.type, resource=res.label)


def _type_origin(res):
    key = res.raw.actual_key("type") if "type" in res.raw else None
    return res.origin.child(key) if key else res.origin
