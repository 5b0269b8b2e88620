"""AL3009 unrecognized-resource-type: reference() or a list*() function reads a resource whose
type no published API version table knows (neither the type nor a parent type of it): usually a
typo in the type string. The type comes from the first argument as AL4002 reads it (a resource
ID function with a literal type, a resource ID, a resource of the template); calls whose type
cannot be told are left alone. JSON the Bicep compiler wrote is left to the .bicep source."""
from __future__ import annotations

import difflib

from ..engine.items import BicepNodeContext, ExpressionContext
from ..engine.report import Report
from ._api_versions import published_versions, type_names

NAMES = ("reference",)


def _calls(ctx):
    """(call node, function as written, resource type) of the reference()/list*() calls."""
    if isinstance(ctx, BicepNodeContext):
        from ..bicep.semantic import reference_call
        found = reference_call(ctx.node, NAMES, True)
        if found is not None:
            yield ctx.node, found[0], found[1]
        return
    model = ctx.model
    if model.bicep_generated or not (model.mentions("reference(") or model.mentions("list")):
        return
    low = ctx.expression.text.lower()
    if "reference(" not in low and "list" not in low:
        return
    from ..model.uses import reference_calls
    for node, fname, rtype, _, _ in reference_calls(ctx.expression, NAMES, True):
        yield node, fname, rtype


def _known(rtype: str) -> bool:
    segments = rtype.split("/")
    while len(segments) >= 2:
        if published_versions("/".join(segments)):
            return True
        segments = segments[:-1]
    return False


def check(ctx: ExpressionContext | BicepNodeContext, report: Report) -> None:
    for node, fname, rtype in _calls(ctx):
        if not rtype or "{" in rtype or _known(rtype):
            continue
        close = difflib.get_close_matches(rtype.lower(), list(type_names()), n=1, cutoff=0.85)
        hint = f"; did you mean '{type_names()[close[0]]}'?" if close else \
            "; check the type's spelling"
        report.at_node(node, func=fname, rtype=rtype, hint=hint)
