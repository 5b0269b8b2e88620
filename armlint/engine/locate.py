"""Turn a raw finding's logical path into a location in the file the user wrote.

Owns: the only translation from rule-level paths (`resource.properties.osProfile.x`, walked through
the context the rule saw) to source positions. Every resolved object and array remembers the
`Origin` it was read from (the resource, a variable's value, a parameter's default), so a path is
walked down to its deepest object with an origin and the rest of the path is looked up in that
object's document. The first `report_at` path that exists wins; if none exists, the deepest
existing part of the first one is reported.
"""
from __future__ import annotations

import re

from ..expr.values import Origin, Unknown, origin_of
from ..source.text import Span
from .results import Location

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(-?\d+)\]")


def parse_path(path: str) -> list:
    return [int(m.group(2)) if m.group(2) is not None else m.group(1)
            for m in _SEGMENT.finditer(path)]


def _walk(anchor: Any, segments: list) -> tuple[Origin | None, list, bool]:
    """The deepest origin on the path, the source keys after it, and whether the path exists."""
    node = anchor
    origin = origin_of(anchor)
    trail: list = []
    for seg in segments:
        if isinstance(node, dict) and isinstance(seg, str):
            actual = node.actual_key(seg) if hasattr(node, "actual_key") else seg
            if actual is None or actual not in node:
                return origin, trail, False
            child = node[actual]
            key: Any = actual
        elif isinstance(node, list) and isinstance(seg, int) and -len(node) <= seg < len(node):
            child = node[seg]
            key = seg if seg >= 0 else len(node) + seg
        else:
            return origin, trail, False
        own = origin_of(child)
        from_key = getattr(node, "origin_of_key", None)
        if own is not None:
            origin, trail = own, []
        elif from_key is not None and from_key(key) is not None:
            origin, trail = from_key(key), [key]  # a merged object: the key's own source
        elif origin is not None:
            trail.append(key)
        node = child
        if isinstance(node, Unknown):
            return origin, trail, True
    return origin, trail, True


def locate(anchor: Any, paths: tuple, part: str = "value") -> tuple[Any, Span, str] | None:
    """(document, span, pointer) of the first path that exists, else of the first path's
    deepest existing part."""
    return locate_pinned(pin(anchor, paths, part))


def pin(anchor: Any, paths: tuple, part: str = "value") -> tuple | None:
    """Where `locate` would go, as (origin, source keys after it, part), without keeping the
    anchor: a raw finding pins its place when it is made, so that the context it was found in
    (a copy per finding for a rule with `each`) is not kept until the findings are located."""
    best = None
    for path in paths or ("",):
        origin, trail, exists = _walk(anchor, parse_path(path))
        if origin is None:
            continue
        if exists:
            return origin, trail, part
        if best is None:
            best = (origin, trail, "value")
    return best


def locate_pinned(place: tuple | None) -> tuple[Any, Span, str] | None:
    """(document, span, pointer) of a place from `pin`."""
    return None if place is None else _span(*place)


def locate_origin(origin: Origin, part: str = "value",
                  inner: tuple | None = None) -> tuple[Any, Span, str]:
    """The span of the value (or key) at `origin`; with `inner`, of those characters inside the
    string there (through its escapes)."""
    if inner is not None:
        span = origin.doc.string_span(origin.pointer, part, *inner)
        if span is not None:
            return origin.doc, span, json_pointer(tuple(origin.pointer))
    return _span(origin, [], part)


def _span(origin: Origin, trail: list, part: str) -> tuple[Any, Span, str]:
    doc = origin.doc
    pointer = tuple(origin.pointer) + tuple(trail)
    span, matched = doc.locate(pointer, part)
    return doc, span, json_pointer(pointer[:matched])


def locate_offsets(doc: Any, start: int, end: int, inner: tuple | None = None) -> Span:
    """The span of source offsets start..end; with `inner`, of those characters inside the string
    token that starts at `start`."""
    if inner is not None:
        span = doc.span_in_string(start, *inner)
        if span is not None:
            return span
    return doc.lines.span(start, end)


def json_pointer(pointer: tuple) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in pointer)


def make_location(path: str, span: Span, pointer: str = "") -> Location:
    return Location(path, span, pointer)
