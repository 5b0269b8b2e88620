"""AL4014 unstable-resource-identifier: a resource's name depends on newGuid() or utcNow(),
directly or through variables and parameter default values, so each deployment names (and so
creates) a different resource. Deployments (and Bicep modules) are not reported: a new
deployment name each time only adds an entry to the deployment history.
A child whose parent is reported is not reported again (its full name repeats the parent's)."""
from __future__ import annotations

from ..engine.run import Hit
from ._resources_util import call_name, file_resources, label, reaches

_UNSTABLE = ("newguid", "utcnow")


def _unstable(res, cache: dict):
    if id(res) not in cache:
        raw = res.raw
        cache[id(res)] = None if "name" not in raw else \
            reaches(res.template, raw[raw.actual_key("name")], lambda n: call_name(n) in _UNSTABLE)
    return cache[id(res)]


def check(ctx, rule):
    model = ctx["model"]
    cache: dict = {}
    for res in file_resources(model, deployed_only=False):
        raw = res.raw
        if res.type_key == "microsoft.resources/deployments" or "name" not in raw:
            continue
        key = raw.actual_key("name")
        found = _unstable(res, cache)
        if found is None:
            continue
        if res.parent is not None and _unstable(res.parent, cache) is not None:
            continue  # reported at the parent, whose name the child's name repeats
        node, trail = found
        path = " -> ".join(("name",) + trail + (node.name + "()",))
        name = label(res)
        yield Hit(at=res.origin.child(key), bind={"resource": name, "func": node.name,
                                                   "path": path})
