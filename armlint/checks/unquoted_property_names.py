"""AL8008 prefer-unquoted-property-names: a property name written in quotes, or accessed with
`['name']`, although it is a valid identifier.

As the Bicep linter: an object property key that is a plain string literal (no interpolation)
whose text is an identifier (a letter or `_`, then letters, digits and `_`), reported on the key;
and an index access whose index is such a string, reported from `[` to `]`. `true`, `false` and
`null` keep their quotes: unquoted, they are literals, not names."""
from __future__ import annotations

import re

from ..bicep import syntax as S
from ..engine.items import BicepNodeContext
from ..engine.report import Report

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Words the Bicep lexer reads as literals, never as a property name or an identifier.
LITERAL_WORDS = frozenset({"true", "false", "null"})


def _name(node) -> str | None:
    if isinstance(node, S.String) and not node.expressions and not node.multiline:
        value = node.segments[0]
        if IDENTIFIER.match(value) and value not in LITERAL_WORDS:
            return value
    return None


def check(ctx: BicepNodeContext, report: Report) -> None:
    node = ctx.node
    if isinstance(node, S.Property):
        name = _name(node.key)
        if name is not None:
            report.at_node(node.key, message=(
                "Property name '{property}' is a valid identifier; write it without quotes: "
                "{property}"), property=name)
        return
    name = _name(node.index)
    if name is None or node.from_end:
        return
    base = ctx.source(node.base).strip()
    dot = ".?" if node.safe else "."
    shown = base if len(base) <= 60 and "\n" not in base else "..."
    report.at_node(ctx.semantic.index_span(node), message=(
        "Property '{property}' is a valid identifier; access it with dot notation: "
        "{base}{dot}{property}"), property=name, base=shown, dot=dot)
