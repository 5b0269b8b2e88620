"""Inline suppression directives written in comments.

Owns: reading `armlint-disable-next-line RULES -- reason` from comments (`//` or `/* */`, in JSON
with comments and in Bicep). RULES are IDs or names separated by commas or spaces; the reason
after `--` becomes the justification. Which findings a directive silences is the engine's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import LineIndex, Span

_KEYWORD = "armlint-disable-next-line"
_SEPARATORS = re.compile(r"[\s,]+")


@dataclass(slots=True)
class Directive:
    kind: str  # "next-line" (armlint), "bicep-next-line" (#disable-next-line), "bicep-region"
    selectors: list[str]
    reason: str
    line: int  # the line the directive is written on
    span: Span
    first_line: int = 0  # the lines it applies to (inclusive)
    last_line: int = 0
    checked: bool = True  # report unknown rules and unused directives (armlint's own syntax only)
    used: set = field(default_factory=set)


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
