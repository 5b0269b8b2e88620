"""A Bicep file as the rest of armlint sees it: its text, syntax tree, and positions of the
lowered template.

Owns: the position map the lowering fills (JSON pointer into the lowered template -> character
offsets of the Bicep key and value that produced it) and the same locating interface a JSON
document offers (`span`, `locate`, `lines`, `comments`, `ok`, `error`), so rules and the locator
work on Bicep unchanged and every finding points at the Bicep the user wrote.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..source.directives import Directive, parse_comment
from ..source.text import LineIndex, PointerSpans, Span
from . import syntax


@dataclass(frozen=True, slots=True)
class BicepError:
    message: str
    offset: int
    end: int


class BicepDocument(PointerSpans):
    def __init__(self, text: str, tree: syntax.BicepFile, path: Path | None = None):
        self.text = text
        self.tree = tree
        self.path = path
        self.value: Any = None  # the lowered template (or parameter file) object
        self._lines: LineIndex | None = None
        # pointer -> (key_start, key_end, value_start, value_end); key fields -1 without a key
        self.positions: dict[tuple, tuple] = {}
        # files the source names that armlint refused to read (outside the project, not a
        # regular file, too big): each a BicepError on the string that names the file
        self.problems: list[BicepError] = []
        self.confinement = None  # where the files it names may lie (set by the lowering)
        self.semantic = None  # the semantic model (semantic.analyze), built on first use
        # canonical ARM text the lowering made up for a Bicep name (a loop's item and index,
        # `roles[copyIndex()]`) -> that name, for messages (model.shown)
        self.names: dict[str, str] = {}

    # -- the interface shared with JsonDocument ------------------------------------------------
    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    @property
    def comments(self) -> list:
        return self.tree.comments

    @property
    def error(self) -> BicepError | None:
        if not self.tree.diagnostics:
            return None
        d = self.tree.diagnostics[0]
        return BicepError(d.message, d.start, d.end)

    @property
    def ok(self) -> bool:
        return True  # a Bicep file with syntax errors is still linted where it parsed

    def record(self, pointer: tuple, value: syntax.Node | None, key: syntax.Node | None = None) -> None:
        if value is None and key is None:
            return
        vs, ve = (value.start, value.end) if value is not None else (key.start, key.end)
        ks, ke = (key.start, key.end) if key is not None else (-1, -1)
        self.positions[pointer] = (ks, ke, vs, ve)

    def _entry(self, pointer: tuple) -> tuple | None:
        return self.positions.get(pointer)

    def source_text(self, pointer: tuple) -> str | None:
        """The Bicep text that produced the value at `pointer`."""
        entry = self.positions.get(tuple(pointer))
        return self.text[entry[2]:entry[3]] if entry is not None else None

    def text_within(self, pointer: tuple, text: str, after: str = "") -> syntax.Node | None:
        """Where `text` (right after `after`) first appears in the Bicep source of the value at
        `pointer` (the API version after the `@` of a resource's type string), or None."""
        entry = self.positions.get(tuple(pointer))
        if entry is None:
            return None
        found = self.text.find(after + text, entry[2], entry[3])
        if found < 0:
            return None
        return syntax.Node(found + len(after), found + len(after) + len(text))

    def span_of(self, node: syntax.Node) -> Span:
        return self.lines.span(node.start, node.end)

    def suppression_directives(self) -> list[Directive]:
        """armlint's own `// armlint-disable-next-line` comments, and Bicep's
        `#disable-next-line codes` and `#disable-diagnostics`...`#restore-diagnostics` regions
        (those name Bicep codes too, so they are not reported when they name no armlint rule)."""
        out = [d for d in (parse_comment(c.text, c.start, c.end, self.lines)
                           for c in self.tree.comments) if d is not None]
        open_regions: dict[str, Directive] = {}
        last_line = self.lines.line_count
        for d in self.tree.directives:
            span = self.lines.span(d.start, d.end)
            if d.kind == "disable-next-line":
                out.append(Directive("bicep-next-line", list(d.codes), "", span.start_line, span,
                                     span.end_line + 1, span.end_line + 1, checked=False))
            elif d.kind == "disable-diagnostics":
                for code in d.codes:
                    region = Directive("bicep-region", [code], "", span.start_line, span,
                                       span.end_line + 1, last_line, checked=False)
                    open_regions[code.lower()] = region
                    out.append(region)
            elif d.kind == "restore-diagnostics":
                for code in d.codes:
                    region = open_regions.pop(code.lower(), None)
                    if region is not None:
                        region.last_line = span.start_line - 1
        return out
