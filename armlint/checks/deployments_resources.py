"""AL4011 deployments-resource: a Bicep file declares a `Microsoft.Resources/deployments`
resource instead of a module."""
from __future__ import annotations

from ..engine.items import BicepNodeContext
from ..engine.report import Report


def check(ctx: BicepNodeContext, report: Report) -> None:
    node = ctx.node
    if not node.existing and \
            (node.type.value or "").lower().startswith("microsoft.resources/deployments@"):
        report.at_node(node.type, symbol=node.name.name)
