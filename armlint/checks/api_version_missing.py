"""AL4015 api-version-missing: a resource without `apiVersion` in a template without
`apiProfile`: ARM cannot tell which version of the resource type's API to call."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report


def _profiled(t) -> bool:
    while t is not None:
        if isinstance(t.raw, dict) and t.raw.get("apiProfile"):
            return True
        t = t.parent
    return False


def _resource_type(rtype: str) -> bool:
    """A type of the form Namespace.Provider/type (anything else is a schema problem)."""
    head, sep, rest = rtype.partition("/")
    return bool(sep and rest and "." in head)


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if "apiVersion" in res.raw and res.raw["apiVersion"] not in (None, ""):
        return
    if _profiled(res.template) or not _resource_type(res.type):
        return
    key = res.raw.actual_key("type") if "type" in res.raw else None
    report.at_origin(res.origin.child(key) if key else res.origin, symbol=res.label)
