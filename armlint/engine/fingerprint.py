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
    for f in sorted(findings, key=Finding.sort_key):
        base = _digest(f"{f.rule_id}|{anchor(f, doc)}|{f.message}")
        count = seen.get(base, 0) + 1
        seen[base] = count
        f.fingerprint = base if count == 1 else _digest(f"{base}#{count}")


def _digest(text: str) -> str:
    return sha256(text.encode("utf-8", "backslashreplace")).hexdigest()[:32]


def anchor(finding: Finding, doc: Any = None) -> str:
    """What a finding is anchored on, as text (see the module docstring)."""
    value = getattr(doc, "value", None)
    span = finding.location.span
    if finding.location.pointer:
        return "/".join(identity_path(value, parse_pointer(finding.location.pointer)))
    if doc is None or not hasattr(doc, "lines"):
        return f"{span.start_line}:{span.start_col}"
    around = _enclosing(doc, value, (span.start_line, span.start_col))
    return "/".join(identity_path(value, around)) + "|" + _line_text(doc, span.start_line)


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
