"""AL3001 invalid-expression: every expression string of a template (values and property names;
parameter files hold literal values) is parsed, and a syntax error is reported at the exact
character inside the string."""
from __future__ import annotations

from ..engine.items import DocumentContext
from ..engine.report import Report
from ..expr import parser


def check(ctx: DocumentContext, report: Report) -> None:
    doc = ctx.doc
    if doc is None:
        return
    for token_start, text in doc.strings("["):
        if not parser.is_expression(text):
            continue
        try:
            parser.parse(text)
        except parser.ExpressionSyntaxError as exc:
            # the character the parser stopped at, inside the string token at token_start
            report.at_text(token_start, token_start,
                           inner=(exc.offset, min(exc.offset + 1, len(text))),
                           message="invalid template expression: {problem}",
                           problem=exc.message)
