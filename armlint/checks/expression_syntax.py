"""AL3001 invalid-expression: every expression string of a template (values and property names;
parameter files hold literal values) is parsed, and a syntax error is reported at the exact
character inside the string; so is a call that gives a deployment function a number of arguments
Resource Manager rejects before it evaluates anything (`variables('a', 'b')`)."""
from __future__ import annotations

from ..engine.items import DocumentContext
from ..engine.report import Report
from ..expr import parser
from ..expr.ast import Call, walk

# lower-case name -> (fewest, most) arguments, for the functions whose arity is fixed and whose
# wrong use is a template validation error (user-defined functions have a namespace: not these)
ARITY = {
    "parameters": (1, 1),
    "variables": (1, 1),
    "copyindex": (0, 2),
    "resourcegroup": (0, 0),
    "subscription": (0, 0),
    "deployment": (0, 0),
    "environment": (0, 0),
    "tenant": (0, 0),
}


def check(ctx: DocumentContext, report: Report) -> None:
    doc = ctx.doc
    if doc is None:
        return
    for token_start, text in doc.strings("["):
        if not parser.is_expression(text):
            continue
        try:
            tree = parser.parse(text)
        except parser.ExpressionSyntaxError as exc:
            # the character the parser stopped at, inside the string token at token_start
            report.at_text(token_start, token_start,
                           inner=(exc.offset, min(exc.offset + 1, len(text))),
                           message="invalid template expression: {problem}",
                           problem=exc.message)
            continue
        for node in walk(tree):  # inline: ~19,000 nodes in every 10th corpus ARM file
            if isinstance(node, Call) and not node.namespace:
                bounds = ARITY.get(node.name.lower())
                if bounds is not None and not bounds[0] <= len(node.args) <= bounds[1]:
                    report.at_text(token_start, token_start, inner=(node.start, node.end),
                                   message="invalid template expression: {problem}",
                                   problem=_arity_problem(node, bounds))


def _arity_problem(node, bounds: tuple[int, int]) -> str:
    low, high = bounds
    given = len(node.args)
    if high == 0:
        wanted = "no arguments"
    elif low == high:
        wanted = f"exactly {low} argument" + ("s" if low > 1 else "")
    else:
        wanted = f"{low} to {high} arguments"
    return f"{node.name}() takes {wanted}, not {given}"
