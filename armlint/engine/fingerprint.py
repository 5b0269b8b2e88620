"""Fingerprints: the identity of a finding that survives edits elsewhere in its file.

Owns: the `armlint/v2` fingerprint of each finding of one file. It is built from the rule, the
message and an anchor that does not move when lines move or array elements are inserted:
- the path of the reported value in the document, where each array element is named by what it
  is rather than where it is: a resource (or any object with a `name`) by its type and name, a
  string or number by its value (a `dependsOn` entry), other elements by `[]`. Resources keyed by
  symbolic name (languageVersion 2.0, Bicep) and declarations (parameters, variables, outputs)
  are already named by their key;
- for a finding reported at raw text (no path): the path of the innermost value around it and
  the text of its line;
- with no document (a file that cannot be read): the line and column.
Findings of one file that still share a fingerprint are told apart by their order ("#2", "#3").
The file itself is not part of the fingerprint: matching pairs it with the path.
The value is the document's decoded tree, or, for a document whose tree the linter released
before locating the findings (JsonDocument.release), the same value read from its text.
"""
from __future__ import annotations

import json

from ..source.hashes import sha256
from .results import Finding

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

VERSION = "armlint/v2"
_MAX_TEXT = 200


def assign(findings: list[Finding], doc: Any = None) -> None:
    """Set the fingerprint of each finding of one file (in report order)."""
    seen: dict[str, int] = {}
    paths = _TextPaths(doc) if _released(doc) else None
    for f in sorted(findings, key=Finding.sort_key):
        base = _digest(f"{f.rule_id}|{anchor(f, doc, paths)}|{f.message}")
        count = seen.get(base, 0) + 1
        seen[base] = count
        f.fingerprint = base if count == 1 else _digest(f"{base}#{count}")


def _digest(text: str) -> str:
    return sha256(text.encode("utf-8", "backslashreplace")).hexdigest()[:32]


def anchor(finding: Finding, doc: Any = None, paths: _TextPaths | None = None) -> str:
    """What a finding is anchored on, as text (see the module docstring). `paths` reads the
    identity paths of a released document (made for one finding when not given)."""
    value = getattr(doc, "value", None)
    if paths is None and _released(doc):
        paths = _TextPaths(doc)
    span = finding.location.span
    if finding.location.pointer:
        pointer = parse_pointer(finding.location.pointer)
        return "/".join(paths(pointer) if paths is not None else identity_path(value, pointer))
    if doc is None or not hasattr(doc, "lines"):
        return f"{span.start_line}:{span.start_col}"
    where = (span.start_line, span.start_col)
    if paths is not None:
        path = paths(_enclosing_in_text(doc, where))
    else:
        path = identity_path(value, _enclosing(doc, value, where))
    return "/".join(path) + "|" + _line_text(doc, span.start_line)


def _released(doc: Any) -> bool:
    """A valid JSON document whose tree the linter released: its value is read from its text."""
    return getattr(doc, "released", False) and doc.value is None and doc.ok


def parse_pointer(pointer: str) -> tuple:
    if not pointer:
        return ()
    return tuple(p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/"))


def identity_path(value: Any, pointer: tuple) -> list[str]:
    """The segments of `pointer` with every array index replaced by the element's identity."""
    out: list[str] = []
    node = value
    for seg in pointer:
        if isinstance(node, list):
            try:
                node = node[int(seg)]
            except (ValueError, IndexError):
                out.append("[]")
                node = None
                continue
            out.append(element_identity(node))
        elif isinstance(node, dict):
            out.append(str(seg))
            node = node.get(seg)
        else:
            out.append("[]" if str(seg).isdigit() else str(seg))
            node = None
    return out


def identity_path_in_text(doc: Any, pointer: tuple) -> list[str]:
    """`identity_path` of a released document's value, read from its text (JsonDocument's
    `members`, `member`, `item` and `scalar`; a value is the offset where it starts)."""
    return _TextPaths(doc)(pointer)


class _TextPaths:
    """`identity_path_in_text` of one document's pointers, one after another. `assign` asks in
    the order of the findings' places, where a pointer mostly starts as the one before did
    (the same resource, the same properties): that part is not walked again, and the element
    identities on it are not read again."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.pointer: tuple = ()
        self.nodes: list = [doc.root_start()]  # the value after each segment of `pointer`
        self.out: list[str] = []

    def __call__(self, pointer: tuple) -> list[str]:
        last = self.pointer
        same = 0
        while same < len(last) and same < len(pointer) and last[same] == pointer[same]:
            same += 1
        nodes, out = self.nodes, self.out
        del nodes[same + 1:], out[same:]
        node = nodes[same]
        for seg in pointer[same:]:
            node, shown = _step(self.doc, node, seg)
            nodes.append(node)
            out.append(shown)
        self.pointer = pointer
        return list(out)


def _step(doc: Any, node: int | None, seg: str) -> tuple[int | None, str]:
    """One segment of `identity_path` in a released document's text: the value it leads to
    (None: none) and the segment as the path shows it."""
    shape = doc.members(node) if node is not None else None
    if shape.__class__ is int:  # an array of `shape` items
        try:
            index = int(seg)
        except ValueError:
            return None, "[]"
        if not -shape <= index < shape:
            return None, "[]"
        node = doc.item(node, index % shape)
        return node, _identity_in_text(doc, node)
    if shape is not None:
        return doc.member(node, seg), str(seg)
    return None, "[]" if str(seg).isdigit() else str(seg)


def _identity_in_text(doc: Any, node: int) -> str:
    """`element_identity` of the value at `node` of a released document."""
    shape = doc.members(node)
    if shape is None:
        return element_identity(doc.scalar(node))
    if shape.__class__ is int:
        return "[]"
    name, kind = (_string_in_text(doc, doc.member(node, key)) for key in ("name", "type"))
    if name is not None:
        return f"{kind.lower()}={name}" if kind is not None else f"name={name}"
    return "[]"


def _string_in_text(doc: Any, node: int | None) -> str | None:
    if node is None or doc.members(node) is not None:
        return None
    value = doc.scalar(node)
    return value if isinstance(value, str) else None


def element_identity(element: Any) -> str:
    if isinstance(element, dict):
        name = _get(element, "name")
        kind = _get(element, "type")
        if isinstance(name, str):
            return f"{kind.lower()}={name}" if isinstance(kind, str) else f"name={name}"
        return "[]"
    if isinstance(element, (str, int, float, bool)) or element is None:
        return "=" + json.dumps(element, ensure_ascii=False)[:_MAX_TEXT]
    return "[]"


def _get(obj: dict, key: str) -> Any:
    """obj[key] in any casing of the key (ARM property names are case-insensitive)."""
    actual = obj.actual_key(key) if hasattr(obj, "actual_key") else key
    return obj.get(actual) if actual is not None else None


def _enclosing(doc: Any, value: Any, position: tuple[int, int]) -> tuple:
    """The pointer of the innermost value of the document whose text contains `position`."""
    pointer: tuple = ()
    node = value
    while isinstance(node, (dict, list)):
        keys = node.keys() if isinstance(node, dict) else range(len(node))
        for key in keys:
            span = doc.span(pointer + (key,))
            if span is not None and (span.start_line, span.start_col) <= position < \
                    (span.end_line, span.end_col):
                pointer += (key,)
                node = node[key]
                break
        else:
            break
    return pointer


def _enclosing_in_text(doc: Any, position: tuple[int, int]) -> tuple:
    """`_enclosing` of a released document (its keys and items read from its text)."""
    pointer: tuple = ()
    shape = doc.members(doc.root_start())
    while shape is not None:
        keys = range(shape) if shape.__class__ is int else dict.fromkeys(shape)
        for key in keys:
            span = doc.span(pointer + (key,))
            if span is not None and (span.start_line, span.start_col) <= position < \
                    (span.end_line, span.end_col):
                pointer += (key,)
                shape = doc.members(doc.start_of(pointer))
                break
        else:
            break
    return pointer


def _line_text(doc: Any, line: int) -> str:
    text = getattr(doc, "text", None)
    if not isinstance(text, str):
        return ""
    try:
        start = doc.lines.offset(line, 1)
    except IndexError:
        return ""
    end = text.find("\n", start)
    return " ".join(text[start:end if end >= 0 else len(text)].split())[:_MAX_TEXT]
