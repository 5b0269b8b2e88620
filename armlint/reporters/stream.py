"""Writing a JSON report as it is encoded: its one large array a member at a time.

Owns: `dumps_streaming`, the text of `json.dumps(document, indent=2, ensure_ascii=False) + "\\n"`
in pieces, where one array of the document is given as an iterable (`Members`) and each member is
encoded on its own. A report is one object holding a list of every finding; built whole and
encoded by `json.dumps(indent=2)` (whose Python encoder keeps every token until the end) it took
about 3 KB per finding at once, the peak of a run with many findings.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator


class Members:
    """Stands in a document for the array encoded a member at a time: `Members(iterable)`."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[object]):
        self.items = items


def dumps_streaming(document: object, members: Members) -> Iterator[str]:
    """`json.dumps(document, indent=2, ensure_ascii=False) + "\\n"` in pieces, with `members`
    (placed in the document where its list goes) encoded a member at a time."""
    # the array's place in the text: a string no report text can foresee
    hole = "\x00" + os.urandom(16).hex()

    def placeholder(value: object) -> str:
        if value is members:
            return hole
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    text = json.dumps(document, indent=2, ensure_ascii=False, default=placeholder)
    written = json.dumps(hole)
    at = text.index(written)
    line = text[text.rfind("\n", 0, at) + 1:at]
    indent = len(line) - len(line.lstrip(" "))
    inner = "\n" + " " * (indent + 2)
    yield text[:at]
    first = True
    for item in members.items:
        encoded = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", inner)
        yield ("[" if first else ",") + inner + encoded
        first = False
    yield "[]" if first else "\n" + " " * indent + "]"
    yield text[at + len(written):] + "\n"
