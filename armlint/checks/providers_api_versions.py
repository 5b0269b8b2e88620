"""AL3002 providers-api-versions: `providers(...).apiVersions` read in an expression."""
from __future__ import annotations

from ..engine.items import ExpressionContext
from ..engine.report import Report
from ..expr.ast import Index, Member, arm_text, walk
from ..expr.query import call_name, literal_text


def _is_api_versions(node) -> bool:
    if isinstance(node, Member):
        return node.name.lower() == "apiversions" and call_name(node.target) == "providers"
    if isinstance(node, Index):
        index = literal_text(node.index)
        return index is not None and index.lower() == "apiversions" and \
            call_name(node.target) == "providers"
    return False


def check(ctx: ExpressionContext, report: Report) -> None:
    if not ctx.model.mentions("providers(") or "providers" not in ctx.expression.text.lower():
        return
    for node in walk(ctx.expression.tree):
        if _is_api_versions(node):
            report.at_node(node, expr=arm_text(node))
