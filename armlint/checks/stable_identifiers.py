"""AL4014 unstable-resource-identifier: a resource's name depends on newGuid() or utcNow(),
directly or through variables and parameter default values, so each deployment names (and so
creates) a different resource. Deployments (and Bicep modules) are not reported: a new
deployment name each time only adds an entry to the deployment history.
A child whose parent is reported is not reported again (its full name repeats the parent's)."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.query import call_name
from ..model.uses import trace

_UNSTABLE = ("newguid", "utcnow")


def _unstable(res):
    raw = res.raw
    if "name" not in raw:
        return None
    return trace(res.template, raw[raw.actual_key("name")], lambda n: call_name(n) in _UNSTABLE)


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    raw = res.raw
    if res.type_key == "microsoft.resources/deployments" or "name" not in raw:
        return
    found = _unstable(res)
    if found is None:
        return
    if res.parent is not None and _unstable(res.parent) is not None:
        return  # reported at the parent, whose name the child's name repeats
    node, trail = found
    path = " -> ".join(("name",) + trail + (node.name + "()",))
    report.at_origin(res.origin.child(raw.actual_key("name")), resource=res.label,
                     func=node.name, path=path)
