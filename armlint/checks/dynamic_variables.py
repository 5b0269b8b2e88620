"""AL2007 dynamic-variable-reference: `variables()` called with a name built by concat() or
format(), e.g. `variables(concat('size', parameters('tier')))`.

Every expression of the template is looked at once, from the template's parsed references. The
finding points at the `variables(...)` call inside the string.
"""
from __future__ import annotations


from ..engine.items import ExpressionContext
from ..engine.report import Report
from ..expr.ast import Call, Literal, arm_text, walk
from ..source.lazy import pattern

_COMPUTED = pattern(r"variables\s*\(\s*(?:concat|format)\s*\(")


def check(ctx: ExpressionContext, report: Report) -> None:
    expression = ctx.expression
    if "variables" not in expression.text.lower() or not ctx.template.search(_COMPUTED):
        return  # no variables(concat(...)) in the file: nothing to look at
    for node in walk(expression.tree):
        if not (isinstance(node, Call) and not node.namespace and
                node.name.lower() == "variables" and len(node.args) == 1):
            continue
        arg = node.args[0]
        if not (isinstance(arg, Call) and not arg.namespace and
                arg.name.lower() in ("concat", "format")):
            continue
        report.at_node(node, call=expression.text[node.start:node.end], instead=_instead(arg))


def _instead(arg: Call) -> str:
    """The object-variable form: variables('size')[parameters('tier')]."""
    args = arg.args
    if arg.name.lower() == "concat" and len(args) == 2 and isinstance(args[0], Literal) and \
            isinstance(args[0].value, str):
        return f"variables('{args[0].value}')[{arm_text(args[1])}]"
    if arg.name.lower() == "format" and len(args) == 2 and isinstance(args[0], Literal) and \
            isinstance(args[0].value, str) and args[0].value.endswith("{0}") and \
            "{" not in args[0].value[:-3]:
        return f"variables('{args[0].value[:-3]}')[{arm_text(args[1])}]"
    return "variables('name')[key]"
