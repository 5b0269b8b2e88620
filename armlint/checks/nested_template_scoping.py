"""AL4012 nested-deployment-template-scoping: a nested deployment evaluated in the inner scope
refers to something declared only in the outer template.

JSON: in a nested template with `expressionEvaluationOptions.scope` 'inner', a `parameters('x')`
or `variables('x')` that the nested template does not declare but the outer template does (ARM
looks it up in the nested template only and fails). Bicep: in the `template` of a
`Microsoft.Resources/deployments` resource with inner scope, a reference to a parameter,
variable, resource, module or function declared in the file."""
from __future__ import annotations

from ..engine.items import BicepNodeContext, ExpressionContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.query import call_name, literal_text

_KINDS = {"param": "parameter", "var": "variable", "resource": "resource", "module": "module",
          "func": "function"}


def check(ctx: ExpressionContext | BicepNodeContext, report: Report) -> None:
    if isinstance(ctx, BicepNodeContext):
        _bicep(ctx, report)
        return
    t = ctx.template
    if t.parent is None or not ctx.model.mentions("inner"):
        return
    outer = t.parent.owner
    for node in walk(ctx.expression.tree):
        section = call_name(node)
        if section not in ("parameters", "variables") or not node.args:
            continue
        name = literal_text(node.args[0])
        if name is None:
            continue
        if name in t.section(section) or name not in outer.section(section):
            continue
        report.at_node(node, symbol=name,
                       kind="parameter" if section == "parameters" else "variable",
                       deployment=t.deployment.display_name if t.deployment else "")


def _property(obj, name):
    from ..bicep import syntax as S
    if not isinstance(obj, S.Object):
        return None
    for item in obj.items:
        if isinstance(item, S.Property) and (item.name or "").lower() == name:
            return item.value
    return None


def _bicep(ctx: BicepNodeContext, report: Report) -> None:
    from ..bicep import syntax as S
    from ..bicep.semantic import walk as walk_syntax
    res, semantic = ctx.node, ctx.semantic
    if not (res.type.value or "").lower().startswith("microsoft.resources/deployments@"):
        return
    props = _property(res.object, "properties")
    template = _property(props, "template")
    options = _property(props, "expressionevaluationoptions")
    scope = _property(options, "scope")
    if template is None or not (isinstance(scope, S.String) and
                                (scope.value or "").lower() == "inner"):
        return
    for node in walk_syntax(template):
        if isinstance(node, S.Variable):
            symbol = semantic.symbols.get(node.name)
            if symbol is not None and symbol.kind in _KINDS:
                report.at_node(node, symbol=node.name, kind=_KINDS[symbol.kind],
                               deployment=res.name.name)
