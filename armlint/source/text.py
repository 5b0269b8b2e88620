"""Bytes to text, and character offsets to 1-based line and column.

Owns: decoding a file's bytes (UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM), rejecting
binary content with a precise position, and the `Span`/`LineIndex` types every layer uses to talk
about positions. Columns count Unicode code points, 1-based; a span's end is exclusive.
"""
from __future__ import annotations

import bisect
from array import array
import codecs

from .record import Record

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)


class Span(Record):
    """A region of a file: 1-based lines and columns, end column exclusive."""
    __slots__ = _fields = ("start_line", "start_col", "end_line", "end_col")

    def __init__(self, start_line: int, start_col: int, end_line: int, end_col: int):
        self.start_line = start_line
        self.start_col = start_col
        self.end_line = end_line
        self.end_col = end_col

    def __str__(self) -> str:
        return f"{self.start_line}:{self.start_col}-{self.end_line}:{self.end_col}"


class DecodeError(Exception):
    """The bytes are not text armlint can read; carries the position of the first bad byte."""

    def __init__(self, message: str, line: int = 1, col: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


class DecodedText(Record):
    """A file's text and the encoding it was decoded from."""
    __slots__ = _fields = ("text", "encoding", "bom")

    def __init__(self, text: str, encoding: str, bom: bool):
        self.text = text
        self.encoding = encoding  # human name, e.g. "UTF-8", "UTF-16 LE"
        self.bom = bom


def decode(data: bytes) -> DecodedText:
    """Decode file bytes, honouring a BOM; without one the file must be UTF-8 and not binary."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return DecodedText(body.decode(codec), label, True)
            except UnicodeDecodeError as exc:
                raise _decode_error(body, exc, label) from None
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        if _looks_like_utf16(data):
            raise DecodeError("looks like UTF-16 without a byte order mark; save it as UTF-8 "
                              "(or UTF-16 with a BOM)", line, col)
        raise DecodeError("binary content (a NUL byte), not a text file", line, col)
    try:
        return DecodedText(data.decode("utf-8"), "UTF-8", False)
    except UnicodeDecodeError as exc:
        raise _decode_error(data, exc, "UTF-8") from None


def _decode_error(data: bytes, exc: UnicodeDecodeError, label: str) -> DecodeError:
    line, col = _byte_position(data, exc.start)
    bad = data[exc.start:exc.start + 1].hex()
    return DecodeError(f"not valid {label} text (byte 0x{bad} at offset {exc.start}); "
                       f"save the file as UTF-8", line, col)


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    head = data[:index]
    line = head.count(b"\n") + 1
    line_start = head.rfind(b"\n") + 1
    prefix = head[line_start:].decode("utf-8", errors="replace")
    return line, len(prefix) + 1


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:200]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return even_nuls > 0.4 * half or odd_nuls > 0.4 * half


class LineIndex:
    """Maps character offsets of one text to (line, column), both 1-based.

    It keeps, for every `_STEP`th character, how many line breaks come before it and where the
    line it is on starts, and counts the line breaks between that and an offset when asked (a
    few thousand characters at most, in C, whatever the length of the lines): an array of
    every line's start took 8 bytes a line, 0.35 times the size of an indented template, for
    lookups that are a few per finding; building it goes through the text a block at a time,
    not a line at a time (a template has a line every 40 characters)."""

    __slots__ = ("_text", "_breaks", "_line_starts", "line_count")

    def __init__(self, text: str):
        self._text = text
        breaks = array("q", [0])  # line breaks before character k * _STEP
        line_starts = array("q", [0])  # the start of the line character k * _STEP is on
        count = line_start = 0
        for end in range(_STEP, len(text) + 1, _STEP):
            count += text.count("\n", end - _STEP, end)
            line_start = text.rfind("\n", end - _STEP, end) + 1 or line_start
            breaks.append(count)
            line_starts.append(line_start)
        self._breaks = breaks
        self._line_starts = line_starts
        self.line_count = text.count("\n") + 1

    def position(self, offset: int) -> tuple[int, int]:
        block = min(offset // _STEP, len(self._breaks) - 1)
        base = block * _STEP
        text = self._text
        line = self._breaks[block] + text.count("\n", base, offset)
        line_start = text.rfind("\n", base, offset) + 1 or self._line_starts[block]
        return line + 1, offset - line_start + 1

    def span(self, start: int, end: int) -> Span:
        sl, sc = self.position(start)
        el, ec = self.position(end)
        # most spans are on one line: one int for both line numbers (past line 256 each is an
        # object of its own, 32 bytes: 0.7 MB of the 33,000 findings of a 10 MB template)
        return Span(sl, sc, sl if el == sl else el, ec)

    def offset(self, line: int, col: int) -> int:
        """Inverse of `position` (1-based line and column to offset)."""
        if not 1 <= line <= self.line_count:
            raise IndexError(f"line {line} is not in the text ({self.line_count} lines)")
        before = line - 1  # line breaks before the line's start
        block = bisect.bisect_right(self._breaks, before) - 1
        if self._breaks[block] == before:
            return self._line_starts[block] + col - 1
        # the line starts inside this block: after its (before - breaks)th line break
        base = block * _STEP
        wanted = before - self._breaks[block]
        lines = self._text[base:base + _STEP].split("\n", wanted)
        return base + sum(map(len, lines[:wanted])) + wanted + col - 1


_STEP = 4096  # characters


class PointerSpans:
    """Spans by JSON pointer, for a document whose `_entry(pointer)` gives the offsets
    (key start, key end, value start, value end) of what is there (key offsets -1 for an array
    item or the root), or None for what is not."""

    lines: LineIndex
    # What rules derive once from a module file and share between the files that use it (keys
    # start with the deriving module's name); it lives as long as the document, and the module
    # loader empties it when it forgets the module.
    memo: dict | None = None

    def _entry(self, pointer: tuple) -> tuple | None:
        raise NotImplementedError

    def span(self, pointer: tuple, part: str = "value") -> Span | None:
        """Span of the value (or, with part='key', the property name) at `pointer`; None if absent."""
        entry = self._entry(tuple(pointer))
        if entry is None:
            return None
        if part == "key" and entry[0] >= 0:
            return self.lines.span(entry[0], entry[1])
        return self.lines.span(entry[2], entry[3])

    def locate(self, pointer: tuple, part: str = "value") -> tuple[Span, int]:
        """Span of the deepest existing prefix of `pointer`, and how many segments matched."""
        return deepest_span(self.span, pointer, part)


def deepest_span(span_of, pointer: tuple, part: str = "value") -> tuple[Span, int]:
    """The span of the deepest existing prefix of `pointer` (asking `span_of(pointer, part)`, which
    returns None for what does not exist), and how many segments matched."""
    pointer = tuple(pointer)
    for n in range(len(pointer), -1, -1):
        span = span_of(pointer[:n], part if n == len(pointer) else "value")
        if span is not None:
            return span, n
    return Span(1, 1, 1, 1), 0
