"""Decoding bytes (BOMs, binary, invalid UTF-8) and offset-to-position mapping."""
import codecs

import pytest

from armlint.source.text import DecodeError, LineIndex, decode


def test_utf8_without_and_with_bom():
    assert decode(b'{"a": 1}').text == '{"a": 1}'
    d = decode(codecs.BOM_UTF8 + '{"é": 1}'.encode())
    assert d.text == '{"é": 1}' and d.bom and d.encoding == "UTF-8"


@pytest.mark.parametrize("codec, label", [("utf-16", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"),
                                          ("utf-32", "UTF-32 LE")])
def test_bom_encodings(codec, label):
    text = '{\n  "name": "vm1"\n}'
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    decoded = decode(data)
    assert decoded.text == text and decoded.encoding == label


def test_binary_content_is_reported_at_the_nul_byte():
    with pytest.raises(DecodeError) as info:
        decode(b'{\n  "a": \x00}')
    assert "binary" in info.value.message
    assert (info.value.line, info.value.col) == (2, 8)


def test_utf16_without_bom_is_named():
    with pytest.raises(DecodeError) as info:
        decode('{"a": 1}'.encode("utf-16-le"))
    assert "UTF-16 without a byte order mark" in info.value.message


def test_invalid_utf8_position():
    with pytest.raises(DecodeError) as info:
        decode(b'{\n "d": "caf\xe9"}')
    assert (info.value.line, info.value.col) == (2, 11)
    assert "0xe9" in info.value.message


def test_line_index_positions_and_spans():
    idx = LineIndex("ab\ncd\r\nef")
    assert idx.position(0) == (1, 1)
    assert idx.position(3) == (2, 1)
    assert idx.position(7) == (3, 1)
    assert str(idx.span(1, 4)) == "1:2-2:2"
    assert idx.offset(3, 2) == 8


def _naive_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    return line + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


_STEP = 4096  # text._STEP: the texts below cross several of its blocks


@pytest.mark.parametrize("text", ["", "x", "\n", "\n" * 200, "ab\r\ncd\n" * 100,
                                  "".join(f"{'y' * (i % 7)}\n" for i in range(300)) + "tail",
                                  "".join(f"{'z' * (i * 37 % 301)}\n" for i in range(90)),
                                  "a\n" + "w" * (2 * _STEP + 5) + "\n\n" + "\n" * _STEP + "b",
                                  "x" * (_STEP - 1) + "\n" + "y" * _STEP + "\n" * 3,
                                  "v" * (3 * _STEP)])
def test_line_index_agrees_with_counting_line_breaks_at_every_offset(text):
    # only what each block of characters starts with is kept: offsets on both sides of a block's
    # start and of each line break, lines longer than a block, blocks of only line breaks, the
    # first and last line, and the end of the text
    index = LineIndex(text)
    assert index.line_count == text.count("\n") + 1
    for offset in range(len(text) + 1):
        line, col = index.position(offset)
        assert (line, col) == _naive_position(text, offset), offset
        assert index.offset(line, col) == offset
    with pytest.raises(IndexError):
        index.offset(index.line_count + 1, 1)


def test_the_line_index_keeps_a_few_bytes_per_64_lines():
    # a list of ints took 40 bytes a line (1.7 times an indented 50 MB template), an array of
    # every line's start 8 bytes a line (3.7 MB for the 10 MB bench template)
    import tracemalloc
    text = "x\n" * 100_000
    tracemalloc.start()
    try:
        index = LineIndex(text)
        used, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert index.position(len(text) - 2) == (100_000, 1)
    assert index.position(len(text) - 1) == (100_000, 2)
    assert index.position(len(text)) == (100_001, 1) and index.offset(3, 1) == 4
    assert index.line_count == 100_001
    assert used < 100_000 // 4


def test_a_span_on_one_line_holds_one_int_for_its_line():
    # most findings' spans are on one line; past line 256 each line number is an int object of
    # its own (32 bytes): a large template's 33,000 findings held 0.7 MB of second copies
    index = LineIndex("x\n" * 1000 + '"value"\n')
    span = index.span(2000, 2007)
    assert (span.start_line, span.start_col, span.end_line, span.end_col) == (1001, 1, 1001, 8)
    assert span.end_line is span.start_line
    across = index.span(1998, 2007)
    assert (across.start_line, across.end_line) == (1000, 1001)
