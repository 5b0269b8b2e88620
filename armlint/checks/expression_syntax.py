"""AL3001 invalid-expression: every expression string of a template (values and property names;
parameter files hold literal values) is parsed, and a syntax error is reported at the exact
character inside the string; so is a call that gives a deployment function a number of arguments
Resource Manager rejects before it evaluates anything (`variables('a', 'b')`)."""
from __future__ import annotations

import sys

from ..engine.items import DocumentContext
from ..engine.report import Report
from ..expr import parser
from ..expr.ast import Call, walk
from ..expr.bounded import Bounded

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

# expression text -> its calls of a wrong arity, ((start, end, problem), ...): half the expression
# strings of a corpus file repeat one seen before (`[parameters('location')]`), and their trees'
# ~19,000 nodes in every 10th corpus ARM file were walked again for each
_PROBLEMS = Bounded(4096)
_ALLOWED = {name: range(low, high + 1) for name, (low, high) in ARITY.items()}
_ANY = range(sys.maxsize)  # a function not in ARITY: any number of arguments


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
        for start, end, problem in _arity_problems(text, tree):
            report.at_text(token_start, token_start, inner=(start, end),
                           message="invalid template expression: {problem}", problem=problem)


def _arity_problems(text: str, tree) -> tuple:
    found = _PROBLEMS.get(text)
    if found is None:
        found = tuple((node.start, node.end, _arity_problem(node, ARITY[node.name.lower()]))
                      for node in walk(tree) if isinstance(node, Call) and not node.namespace
                      and len(node.args) not in _ALLOWED.get(node.name.lower(), _ANY))
        _PROBLEMS.put(text, found)
    return found


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
