"""Bicep syntax tree: what a file holds besides its statements.

Owns: `Diagnostic` (a syntax error), `Comment` and `Directive` (`#disable-next-line` and the
`#disable/restore-diagnostics` pair), which the lexer finds and `BicepFile` keeps.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Diagnostic:
    """A syntax error: a message a person understands, and where."""

    message: str
    start: int
    end: int


@dataclass(slots=True)
class Comment:
    """A `// ...` or `/* ... */` comment; `text` includes the comment markers."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Directive:
    """`#disable-next-line a b`, `#disable-diagnostics ...` or `#restore-diagnostics ...`.

    `kind` is the keyword without `#` ("disable-next-line", "disable-diagnostics",
    "restore-diagnostics"); the span covers the keyword and the codes.
    """

    kind: str
    codes: list[str]
    start: int
    end: int
