"""AL8001 unused-existing-resource: a Bicep `existing` resource that nothing refers to.

As the Bicep linter: a top-level `existing` declaration is used when its symbol appears anywhere
else in the file (a property, `parent:`, `scope:`, an output, a nested resource accessor
`x::child`), or when it declares nested resources. Existing resources nested in another
declaration are symbols of that declaration's scope, which the Bicep rule does not look at, and
neither does this one. The finding is on the symbol name."""
from __future__ import annotations

from ..engine.items import BicepNodeContext
from ..engine.report import Report


def check(ctx: BicepNodeContext, report: Report) -> None:
    node, semantic = ctx.node, ctx.semantic
    symbol = semantic.symbols.get(node.name.name)
    if not node.existing or symbol is None or symbol.node is not node:
        return  # a nested resource, or a declaration that is not existing
    body = node.object
    if symbol.references or semantic.calls[symbol.name] or (body is not None and body.resources):
        return
    report.at_node(node.name, symbol=symbol.name)
