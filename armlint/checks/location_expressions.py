"""AL2013 location-expression-outside-params: `resourceGroup().location` or
`deployment().location` used anywhere but in a parameter declaration.

Bicep files are read from the syntax tree (every statement but `param`); ARM JSON from each
template's parsed expressions, except the `defaultValue` of its parameters. The finding points at
the expression itself.
"""
from __future__ import annotations


from ..engine.items import BicepNodeContext, ExpressionContext
from ..engine.report import Report
from ..expr.ast import Call, Member, walk
from ..source.lazy import pattern

_LOCATION = pattern(r"(?:resourcegroup|deployment)\s*\(\s*\)\s*\.\s*location")


def check(ctx: ExpressionContext | BicepNodeContext, report: Report) -> None:
    if isinstance(ctx, BicepNodeContext):
        from ..bicep import syntax as S
        from ..bicep.semantic import is_deployment_location
        node = ctx.node
        if is_deployment_location(node) and \
                not isinstance(ctx.semantic.statement_at(node.start), S.Param):
            report.at_node(node, expr=ctx.source(node))
        return
    expression = ctx.expression
    if ctx.model.root is None or not ctx.model.root.search(_LOCATION):
        return  # no resourceGroup().location or deployment().location in the file
    if "location" not in expression.text.lower() or _in_parameter_default(expression.pointer):
        return
    for node in walk(expression.tree):
        if isinstance(node, Member) and node.name.lower() == "location" and \
                isinstance(node.target, Call) and not node.target.namespace and \
                node.target.name.lower() in ("resourcegroup", "deployment"):
            report.at_node(node, expr=expression.text[node.start:node.end])


def _in_parameter_default(pointer: tuple) -> bool:
    return len(pointer) >= 3 and isinstance(pointer[0], str) and \
        pointer[0].lower() == "parameters" and isinstance(pointer[2], str) and \
        pointer[2].lower() == "defaultvalue"
