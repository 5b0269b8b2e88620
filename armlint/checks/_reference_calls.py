"""The reference() and list*() calls AL4002 and AL4003 judge, with their API version: in JSON from
each expression (model/uses.py), in Bicep from each call node (bicep/semantic). Calls in a
template the Bicep compiler wrote are left to the .bicep source, where the version is written.
"""
from __future__ import annotations

from typing import Iterator

from ..engine.items import BicepNodeContext, ExpressionContext

NAMES = ("reference",)


def reference_calls(ctx: ExpressionContext | BicepNodeContext,
                    lists: bool) -> Iterator[tuple]:
    """(function as written, resource type or None, API version, version argument node)."""
    if isinstance(ctx, BicepNodeContext):
        from ..bicep.semantic import reference_call
        found = reference_call(ctx.node, NAMES, lists)
        if found is not None:
            yield found
        return
    model = ctx.model
    if model.bicep_generated:
        return  # the compiler writes the declared resource's API version; the .bicep is checked
    if not model.mentions(*(n + "(" for n in NAMES)) and not (lists and model.mentions("list")):
        return
    low = ctx.expression.text.lower()
    if not any(n + "(" in low for n in NAMES) and not (lists and "list" in low):
        return
    from ..model.uses import reference_calls as calls
    for _, fname, rtype, version, arg in calls(ctx.expression, NAMES, lists):
        yield fname, rtype, version, arg
