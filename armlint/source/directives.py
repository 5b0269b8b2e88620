"""Inline suppression directives written in comments.

Owns: reading `armlint-disable-next-line RULES -- reason` from comments (`//` or `/* */`, in JSON
with comments and in Bicep). RULES are IDs or names separated by commas or spaces; the reason
after `--` becomes the justification. Which findings a directive silences is the engine's job.
"""
from __future__ import annotations

import re

from .record import Record
from .text import LineIndex, Span

_KEYWORD = "armlint-disable-next-line"
_SEPARATORS = re.compile(r"[\s,]+")


class Directive(Record):  # not a dataclass: made on the way of every run (issue 12: start-up)
    __slots__ = _fields = ("kind", "selectors", "reason", "line", "span", "first_line",
                           "last_line", "checked", "used")
    __hash__ = None  # type: ignore[assignment]  (it can change)

    def __init__(self, kind: str, selectors: list[str], reason: str, line: int, span: Span,
                 first_line: int = 0, last_line: int = 0, checked: bool = True,
                 used: set | None = None):
        # "next-line" (armlint), "bicep-next-line" (#disable-next-line), "bicep-region"
        self.kind = kind
        self.selectors = selectors
        self.reason = reason
        self.line = line  # the line the directive is written on
        self.span = span
        self.first_line = first_line  # the lines it applies to (inclusive)
        self.last_line = last_line
        # report unknown rules and unused directives (armlint's own syntax only)
        self.checked = checked
        self.used = set() if used is None else used


def parse_comment(text: str, start: int, end: int, lines: LineIndex) -> Directive | None:
    """The directive a comment holds, or None."""
    found = split_directive(text)
    if found is None:
        return None
    rules, reason = found
    selectors = [s for s in _SEPARATORS.split(rules.strip()) if s]
    span = lines.span(start, end)
    next_line = span.end_line + 1
    return Directive("next-line", selectors, reason.strip(), span.start_line, span, next_line,
                     next_line)


def split_directive(text: str) -> tuple[str, str] | None:
    """(rules, reason) of `// armlint-disable-next-line RULES -- reason` (or the `/* */` form),
    or None. Scanned by hand, in time linear in the comment: the regular expression this
    replaces took seconds on a comment of spaces."""
    if not text.startswith(("//", "/*")):
        return None
    body = text[2:].lstrip()
    if not body.startswith(_KEYWORD):
        return None
    rest = body[len(_KEYWORD):]
    if rest[:1].isalnum() or rest[:1] == "_":
        return None  # armlint-disable-next-lines is another word
    rest = rest.rstrip()
    if rest.endswith("*/"):
        rest = rest[:-2]
    at = rest.find("--")
    while at >= 0:
        if at > 0 and rest[at - 1].isspace():
            return rest[:at - 1], rest[at + 2:]
        at = rest.find("--", at + 1)
    return rest, ""
