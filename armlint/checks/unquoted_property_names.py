"""AL8008 prefer-unquoted-property-names: a property name written in quotes, or accessed with
`['name']`, although it is a valid identifier.

As the Bicep linter: an object property key that is a plain string literal (no interpolation)
whose text is an identifier (a letter or `_`, then letters, digits and `_`), reported on the key;
and an index access whose index is such a string, reported from `[` to `]`. `true`, `false` and
`null` keep their quotes: unquoted, they are literals, not names."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._bicep_util import IDENTIFIER, LITERAL_WORDS, facts


def _name(node) -> str | None:
    if isinstance(node, S.String) and not node.expressions and not node.multiline:
        value = node.segments[0]
        if IDENTIFIER.match(value) and value not in LITERAL_WORDS:
            return value
    return None


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    doc, text = f.doc, f.doc.text
    for prop in f.of(S.Property):
        name = _name(prop.key)
        if name is not None:
            yield Hit(at=(doc, prop.key.start, prop.key.end), message=(
                "Property name '{property}' is a valid identifier; write it without quotes: "
                "{property}"), bind={"property": name})
    for access in f.of(S.IndexAccess):
        name = _name(access.index)
        if name is None or access.from_end:
            continue
        open_at = text.rfind("[", access.base.end, access.index.start)
        if open_at < 0:
            continue
        base = text[access.base.start:access.base.end].strip()
        dot = ".?" if access.safe else "."
        shown = base if len(base) <= 60 and "\n" not in base else "..."
        yield Hit(at=(doc, open_at, access.end), message=(
            "Property '{property}' is a valid identifier; access it with dot notation: "
            "{base}{dot}{property}"), bind={"property": name, "base": shown, "dot": dot})
