"""Bicep parser: string literals.

Owns: plain and interpolated strings (`'a${b}c'`), multi-line strings (`'''...'''`, interpolated
or not: escapes are not decoded in them, and one line break right after the opening quotes is
dropped) and the decoding of escape sequences (`\\n`, `\\u{...}`; a bad one is a diagnostic).
"""
from __future__ import annotations

import re

from armlint.bicep.lexer import MSTR, MSTR_L, MSTR_M, MSTR_R, STR, STR_L, STR_M, STR_R
from armlint.bicep.parser.core import _STRING_STARTS, ParserCore
from armlint.bicep.syntax import Diagnostic, String


_ESCAPE = re.compile(r"\\(?:u\{([0-9A-Fa-f]*)\}?|(.)?)", re.S)
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "'": "'", "$": "$"}


class StringParser(ParserCore):
    """String literals: plain, interpolated and multi-line."""

    __slots__ = ()

    def _string_expected(self, what: str) -> String:
        if self.k[self.i] not in _STRING_STARTS:
            raise self._fail(f"expected {what}", self.i)
        return self._string()

    def _string(self) -> String:
        """Any string form at the current token (plain, interpolated, multi-line)."""
        k = self.k
        i = self.i
        kind = k[i]
        if kind == STR:
            self.i = i + 1
            return self._plain_string(i)
        if kind == MSTR:
            self.i = i + 1
            raw = self.v[i]
            dollars = len(raw) - len(raw.lstrip("$"))
            body_start = self.s[i] + dollars + 3
            terminated = len(raw) >= dollars + 6 and raw.endswith("'''")
            body = raw[dollars + 3:-3] if terminated else raw[dollars + 3:]
            body, cut = _strip_leading_newline(body)
            seg_start = body_start + cut
            return String(self.s[i], self.e[i], [body], [], [(seg_start, seg_start + len(body))],
                          True)
        if kind == STR_L:
            return self._interpolated(i, STR_M, STR_R, False, 0)
        if kind == MSTR_L:
            raw = self.v[i]
            return self._interpolated(i, MSTR_M, MSTR_R, True,
                                      len(raw) - len(raw.lstrip("$")))
        raise self._fail("expected a string", i)

    def _plain_string(self, i: int) -> String:
        raw = self.v[i]
        start = self.s[i]
        body = raw[1:-1] if len(raw) >= 2 and raw[-1] == "'" else raw[1:]
        if "\\" in body:
            body = self._unescape(body, start + 1)
        return String(start, self.e[i], [body], [], [(start + 1, self.e[i] - 1)])

    def _interpolated(self, first: int, middle: str, right: str, multiline: bool,
                      dollars: int) -> String:
        k = self.k
        v = self.v
        s = self.s
        e = self.e
        raw = v[first]
        if multiline:
            body_start = s[first] + dollars + 3
            body = raw[dollars + 3:-(dollars + 1)]
            body, cut = _strip_leading_newline(body)
            body_start += cut
            open_len = dollars + 1
        else:
            body_start = s[first] + 1
            body = raw[1:-2]
            open_len = 2
            if "\\" in body:
                body = self._unescape(body, body_start)
        segments = [body]
        spans = [(body_start, e[first] - open_len)]
        expressions = []
        saved = self.nl_free
        self.nl_free = False
        self.i = first + 1
        while True:
            expressions.append(self._expression())
            i = self.i
            kind = k[i]
            if kind == middle:
                raw = v[i]
                body = raw[1:-open_len]
                spans.append((s[i] + 1, e[i] - open_len))
            elif kind == right:
                raw = v[i]
                if multiline:
                    body = raw[1:-3] if raw.endswith("'''") else raw[1:]
                else:
                    body = raw[1:-1] if len(raw) >= 2 and raw[-1] == "'" else raw[1:]
                spans.append((s[i] + 1, s[i] + 1 + len(body)))
            else:
                raise self._fail("expected '}' to close the '${' interpolation", i)
            if not multiline and "\\" in body:
                body = self._unescape(body, s[i] + 1)
            segments.append(body)
            self.i = i + 1
            if kind == right:
                break
        self.nl_free = saved
        return String(s[first], e[self.i - 1], segments, expressions, spans, multiline)

    def _unescape(self, body: str, offset: int) -> str:
        """Decode Bicep escapes in a string segment; bad escapes become diagnostics."""
        out = []
        pos = 0
        for m in _ESCAPE.finditer(body):
            out.append(body[pos:m.start()])
            pos = m.end()
            hexdigits = m.group(1)
            if hexdigits is not None:
                if m.group().endswith("}") and hexdigits and int(hexdigits, 16) <= 0x10FFFF:
                    out.append(chr(int(hexdigits, 16)))
                    continue
                self.diags.append(Diagnostic(
                    "invalid unicode escape: use \\u{...} with 1 to 6 hex digits up to 10FFFF",
                    offset + m.start(), offset + m.end()))
                continue
            ch = m.group(2)
            decoded = _SIMPLE_ESCAPES.get(ch) if ch is not None else None
            if decoded is None:
                self.diags.append(Diagnostic(
                    f"unknown escape sequence '{m.group()}': valid escapes are \\n \\r \\t \\\\ "
                    "\\' \\$ and \\u{...}", offset + m.start(), offset + m.end()))
                out.append(m.group())
            else:
                out.append(decoded)
        out.append(body[pos:])
        return "".join(out)


def _strip_leading_newline(body: str) -> tuple[str, int]:
    """Multi-line strings drop one line break right after the opening quotes."""
    if body.startswith("\r\n"):
        return body[2:], 2
    if body.startswith("\n") or body.startswith("\r"):
        return body[1:], 1
    return body, 0
