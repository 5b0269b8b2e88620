"""How a message shows a value that is not known before deployment, in the language of the file.

Owns: the Bicep source text of the lowered ARM expressions of a Bicep model (each expression's
canonical text -> the Bicep that produced it, in the file or in a local module), built once per
model and only when a message needs it, and the switch that makes message rendering use it while
the rules of a Bicep file run. Rules and their logic see unknown values as ARM text
(`display_name`: `[parameters('x')]`, which JMESPath rules match); only the message a user reads
is translated: in a Bicep file an unknown value is shown as the Bicep the user wrote (`plan`,
`diagnosticSetting.?name ?? '${name}-diagnosticSettings'`), a part of a string as `${...}`, and
an expression the lowering made up with no Bicep text of its own by the parameter or variable it
reads, else (rarely) as ARM.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar

from ..source.lazy import pattern

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any, Iterator


_SOURCES: ContextVar = ContextVar("armlint_bicep_sources", default=None)
_SYMBOL = pattern(r"(?:parameters|variables)\('([A-Za-z_][A-Za-z0-9_]*)'\)$", re.IGNORECASE)


class BicepSources:
    """The Bicep text of a Bicep model's lowered expressions, looked up by canonical text."""

    __slots__ = ("_model", "_map")

    def __init__(self, model: Any):
        self._model = model
        self._map: dict[str, str] | None = None

    def text_of(self, expression: str) -> str | None:
        """The Bicep of an ARM expression's canonical text (no brackets), or None."""
        if self._map is None:
            self._map = _build(self._model)
        found = self._map.get(expression)
        if found is not None:
            return found
        m = _SYMBOL.match(expression)
        return m.group(1) if m else None


def _build(model: Any) -> dict[str, str]:
    from ..expr.ast import canonical
    from ..expr.parser import ExpressionSyntaxError, is_expression, parse
    out: dict[str, str] = {}
    docs = []
    for t in model.templates:
        doc = t.origin.doc
        if getattr(doc, "positions", None) is not None and all(doc is not d for d in docs):
            docs.append(doc)
    for doc in docs:
        for pointer, entry in doc.positions.items():
            value = _at(doc.value, pointer)
            if not (isinstance(value, str) and is_expression(value)):
                continue
            try:
                key = canonical(parse(value, positions=False))
            except (ExpressionSyntaxError, RecursionError):
                continue
            out.setdefault(key, doc.text[entry[2]:entry[3]])
        for key, name in getattr(doc, "names", {}).items():
            out.setdefault(key, name)
    return out


def _at(value: Any, pointer: tuple) -> Any:
    for key in pointer:
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
            value = value[key]
        else:
            return None
    return value


@contextmanager
def showing(model: Any) -> Iterator[None]:
    """While the rules of `model` run: unknown values in messages are shown as its Bicep (a
    JSON model shows them as ARM, as it is written)."""
    token = _SOURCES.set(BicepSources(model) if getattr(model, "language", "") == "bicep"
                         else None)
    try:
        yield
    finally:
        _SOURCES.reset(token)


def in_message(text: str) -> str:
    """A value as a message shows it: in a Bicep file, each `[expression]` in it (how
    `display_name` writes an unknown value or part) that is a lowered expression of the file,
    or reads a parameter or variable, as its Bicep: alone, the Bicep text; inside a string,
    `${...}`. Outside a Bicep file's rules, or for other text, `text` as it is."""
    sources = _SOURCES.get()
    if sources is None or "[" not in text:
        return text
    out: list[str] = []
    i = pos = 0
    while True:
        i = text.find("[", i)
        if i < 0:
            break
        j = _closing(text, i)
        if j < 0:
            break
        found = sources.text_of(text[i + 1:j])
        if found is None:
            i += 1
            continue
        if i == 0 and j == len(text) - 1:
            return found
        out += [text[pos:i], "${", found, "}"]
        i = pos = j + 1
    out.append(text[pos:])
    return "".join(out)


def _closing(text: str, start: int) -> int:
    """The index of the `]` that closes the `[` at `start` (ARM string literals skipped)."""
    depth = 0
    quoted = False
    for k in range(start, len(text)):
        c = text[k]
        if quoted:
            if c == "'":
                quoted = False  # a doubled '' reopens at once: the same as staying quoted
            continue
        if c == "'":
            quoted = True
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return k
    return -1
