"""AL3001 invalid-expression: every expression string of a template (values and property names;
parameter files hold literal values) is parsed, and a syntax error is reported at the exact
character inside the string."""
from __future__ import annotations

from ..engine.run import Hit
from ..expr import parser


def check(ctx, rule):
    model = ctx["model"]
    if model.root is None:
        return
    doc = model.root.origin.doc
    for token_start, text in doc.strings("["):
        if not parser.is_expression(text):
            continue
        try:
            parser.parse(text)
        except parser.ExpressionSyntaxError as exc:
            yield Hit(at=(doc, token_start, token_start),
                      inner=(exc.offset, min(exc.offset + 1, len(text))),
                      message="invalid template expression: {problem}",
                      bind={"problem": exc.message})
