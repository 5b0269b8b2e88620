"""Resource names and IDs as linking keys.

Owns: joining a child's name to its parent's, the lower-cased segment key a name links by
(unknown parts stand for themselves by their expression text, so `parameters('vm')/ext` links to
the VM named `parameters('vm')`), and reading a resource ID (from resourceId() and friends, a full
ID string, or Bicep's `Type/name` scope form) as such a key.
"""
from __future__ import annotations

import json

from ..expr.values import PartialString, ResourceIdValue, Unknown

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


def _name_part(name: Any) -> Any:
    """A name as a part of a joined name: a name that is not a string (null, a number: a template
    that cannot deploy) is an unknown part standing for its JSON text, never a crash."""
    if isinstance(name, (str, Unknown)):
        return name
    return Unknown(json.dumps(name, default=str), "string", "the name is not a string")


def join_names(parent_name: Any, child_name: Any) -> Any:
    if isinstance(parent_name, str) and isinstance(child_name, str) and \
            not isinstance(parent_name, Unknown) and not isinstance(child_name, Unknown):
        return f"{parent_name}/{child_name}"
    return PartialString((_name_part(parent_name), "/", _name_part(child_name)))


def _segment_key(parts: tuple) -> str:
    return "".join(p.lower() if isinstance(p, str) else "{" + p.text.lower() + "}" for p in parts)


def name_key(name: Any) -> tuple:
    """Lower-cased name segments; unknown parts stand for themselves by their text."""
    if isinstance(name, PartialString):
        return tuple(_segment_key(seg) for seg in name.split("/"))
    if isinstance(name, Unknown):
        return ("{" + name.text.lower() + "}",) if name.text else ()
    if isinstance(name, str):
        return tuple(s.lower() for s in name.split("/"))
    return ()


def parse_resource_id(value: Any) -> tuple[str, tuple] | None:
    """(lower-case full type, name key) of a resource ID or a Bicep-style 'Type/name' reference."""
    if isinstance(value, ResourceIdValue):
        return value.rtype.lower(), name_key(_join_all(value.names))
    if isinstance(value, PartialString):
        segments = [_segment_key(s) if not all(isinstance(p, str) for p in s) else "".join(s)
                    for s in value.split("/")]
        raw_segments = value.split("/")
    elif isinstance(value, str) and not isinstance(value, Unknown):
        segments = value.split("/")
        raw_segments = [(s,) for s in segments]
    else:
        return None
    # after the last 'providers' segment: Namespace/type/name[/type/name...]
    start = 0
    for i, seg in enumerate(raw_segments):
        if len(seg) == 1 and isinstance(seg[0], str) and seg[0].lower() == "providers":
            start = i + 1
    rest = segments[start:]
    while rest and rest[0] == "":
        rest = rest[1:]
    if len(rest) < 3 or "." not in rest[0] or "{" in rest[0]:
        return None
    types = [rest[0]] + rest[1::2]
    names = rest[2::2]
    if len(types) - 1 != len(names) or any("{" in t for t in types):
        return None
    return "/".join(types).lower(), tuple(n.lower() for n in names)


def _join_all(names: tuple) -> Any:
    out: Any = ""
    for i, n in enumerate(names):
        out = n if i == 0 else join_names(out, n)
    return out
