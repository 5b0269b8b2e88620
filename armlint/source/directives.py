"""Inline suppression directives written in comments.

Owns: reading `armlint-disable-next-line RULES -- reason` from comments (`//` or `/* */`, in JSON
with comments and in Bicep). RULES are IDs or names separated by commas or spaces; the reason
after `--` becomes the justification. Which findings a directive silences is the engine's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import LineIndex, Span

_DIRECTIVE = re.compile(
    r"^(?://|/\*)\s*armlint-disable-next-line\b(?P<rules>.*?)(?:\s--\s*(?P<reason>.*?))?\s*(?:\*/)?\s*$",
    re.DOTALL)


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
    m = _DIRECTIVE.match(text)
    if m is None:
        return None
    selectors = [s for s in re.split(r"[\s,]+", m.group("rules").strip()) if s]
    span = lines.span(start, end)
    next_line = span.end_line + 1
    return Directive("next-line", selectors, (m.group("reason") or "").strip(), span.start_line,
                     span, next_line, next_line)
