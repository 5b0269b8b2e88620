"""Text from templates made safe for people's screens and line-based consumers.

Owns: `visible(text)`, which every human-facing reporter (text, GitHub annotations, JUnit) applies
to anything that came from a scanned file (messages, paths, pointers): control characters, ANSI
escape sequences, line and paragraph separators and the bidirectional-text controls that can hide
code ("Trojan Source") are written as escapes (`\\x1b`, `\\n`, `\\u202e`), so a template can neither
colour or clear a terminal nor split one finding into two lines, and every character left is one
XML 1.0 allows. JSON and SARIF need none of this: their encoder escapes what JSON requires, and the
consumer decides how to show it.
"""
from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r"}
_TABLE: dict[int, str] = {}
for _code in list(range(0x00, 0x20)) + [0x7F] + list(range(0x80, 0xA0)):
    if chr(_code) != "\t":  # a tab neither breaks a line nor moves the cursor anywhere harmful
        _TABLE[_code] = _NAMED.get(chr(_code), f"\\x{_code:02x}")
for _code in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F),
              *range(0x2066, 0x206A), 0xFEFF, 0xFFFE, 0xFFFF):
    _TABLE[_code] = f"\\u{_code:04x}"
for _code in range(0xD800, 0xE000):  # lone surrogates (file names that are not UTF-8)
    _TABLE[_code] = f"\\u{_code:04x}"


def visible(text: str) -> str:
    """`text` with every character that could act on a terminal, a line-based reader or an XML
    parser written as an escape; linear in the text."""
    return text.translate(_TABLE)
