"""AL3005 uri-not-properly-constructed: a property named `...uri`/`...url` whose expression joins
its parts with concat() or format() instead of uri().

As arm-ttk: the first of concat(), format() and uri() met reading the expression from the left
(outermost first) must be uri(). Unlike arm-ttk, a concat()/format() whose first part is a literal
scheme (`'https://'`, `'https://{0}...'`) is left alone: it builds a URI from a host name, where
there is no base URI for uri() to join. And only the parts that become the value are read: a
format() inside the arguments of reference(), resourceId() or a list*() call builds a resource ID,
not the URI (`reference(resourceId(format(...)), ...).keyUri`), so it is not reported."""
from __future__ import annotations

import re

from ..engine.items import ExpressionContext
from ..engine.report import Report
from ..expr.query import call_name, literal_text
from ..source.lazy import pattern

_NAME = pattern(r"ur[il]$", re.IGNORECASE)
_SCHEME = pattern(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


# functions whose string result is (one of) their arguments, and the arguments that can be it
_PASS_THROUGH = {"if": slice(1, 3), "coalesce": slice(None), "string": slice(0, 1),
                 "trim": slice(0, 1), "tolower": slice(0, 1), "toupper": slice(0, 1)}


def _first_joiner(node):
    """The first of concat(), format() and uri() met from the outside in, along the arguments
    whose text becomes the value."""
    name = call_name(node)
    if name in ("concat", "format", "uri"):
        return node, name
    parts = _PASS_THROUGH.get(name)
    if parts is not None:
        for arg in node.args[parts]:
            found = _first_joiner(arg)
            if found[0] is not None:
                return found
    return None, None


def check(ctx: ExpressionContext, report: Report) -> None:
    model = ctx.model
    if not (model.mentions("uri", "url") and model.mentions("concat", "format", "${")):
        return
    expression = ctx.expression
    prop = expression.property_name
    if prop is None or not _NAME.search(prop):
        return
    low = expression.text.lower()
    if "concat" not in low and "format" not in low:
        return
    node, name = _first_joiner(expression.tree)
    if node is None or name == "uri":
        return
    first = literal_text(node.args[0]) if node.args else None
    if first is not None and _SCHEME.match(first):
        return
    report.at_node(node, prop=prop, func=node.name)
