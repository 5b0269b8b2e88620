"""What the function families share: argument checks, ARM's string() of a value, ARM's
equals(), a value as string parts (unknown parts kept) for concatenation, case-insensitive key
assignment, and JSON text read the Newtonsoft way (single-quoted strings).
"""
from __future__ import annotations

import json as _json
import re

from ..limits import logical_size, need_text
from ..evaluate import EvalError
from ..values import (Obj, PartialString, ResourceIdValue, Unknown, contains_unknown,
                      literal_value)
from ...source.lazy import pattern

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


def need(args, count_min, count_max=None):
    if len(args) < count_min or (count_max is not None and len(args) > count_max):
        raise EvalError("wrong number of arguments")


def is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def has_placeholders(x) -> bool:
    # resourceId() fills what the deployment decides ({subscriptionId}, unknown names) with
    # placeholders: the text is not the real ID, so nothing may read it as known text.
    return isinstance(x, ResourceIdValue) and "{" in x


def string_arg(x) -> str:
    if not isinstance(x, str) or isinstance(x, Unknown):
        raise EvalError("expected a string")
    if has_placeholders(x):
        raise EvalError("the resource ID depends on the deployment")
    return x


def int_arg(x) -> int:
    if not is_int(x):
        raise EvalError("expected an integer")
    return x


def to_text(value: Any) -> str:
    """ARM's string() of a known value: strings as they are, booleans as .NET writes them
    (`True`), everything else as compact JSON."""
    if isinstance(value, str):
        return string_arg(value)
    if value is True:
        return "True"
    if value is False:
        return "False"
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if contains_unknown(value) or contains_placeholders(value):
        raise EvalError("part of the value is unknown")
    need_text(logical_size(value), "the value as text")
    return _json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def contains_placeholders(value: Any) -> bool:
    if isinstance(value, dict):
        return any(contains_placeholders(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_placeholders(v) for v in value)
    return has_placeholders(value)


def deep_equal(a: Any, b: Any) -> bool | None:
    """Equality as ARM's equals() (case-sensitive for strings); None when an unknown decides it."""
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if has_placeholders(a) or has_placeholders(b):
        return True if a == b else None
    if isinstance(a, dict) and isinstance(b, dict):
        if len(a) != len(b):
            return False
        result: bool | None = True
        for k, v in a.items():
            if k not in b:
                return False
            eq = deep_equal(v, b[k])
            if eq is False:
                return False
            if eq is None:
                result = None
        return result
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return False
        result = True
        for x, y in zip(a, b):
            eq = deep_equal(x, y)
            if eq is False:
                return False
            if eq is None:
                result = None
        return result
    return a == b


def find_position(items: list, value: Any, positions) -> int | None:
    """The first position (in `positions` order) holding `value`, -1 if none does, or None when
    an element that an unknown hides comes first."""
    for i in positions:
        eq = deep_equal(items[i], value)
        if eq is None:
            return None
        if eq:
            return i
    return -1


def is_member(items: list, value: Any) -> bool | None:
    """Whether `value` is in `items`; None when only unknown elements could hold it."""
    unknown = False
    for item in items:
        eq = deep_equal(item, value)
        if eq:
            return True
        if eq is None:
            unknown = True
    return None if unknown else False


_PLACEHOLDER = pattern(r"\{([^{}]*)\}")
# What each resourceId() placeholder stands for, as the expression that would give it.
_PLACEHOLDER_TEXT = {"subscriptionId": "subscription().subscriptionid",
                     "resourceGroupName": "resourcegroup().name",
                     "managementGroupName": "managementgroup().name"}


def id_parts(value: ResourceIdValue) -> list:
    parts: list = []
    pos = 0
    for m in _PLACEHOLDER.finditer(value):
        parts.append(value[pos:m.start()])
        inner = m.group(1)
        parts.append(Unknown(_PLACEHOLDER_TEXT.get(inner, inner), "string",
                             "the resource ID depends on the deployment"))
        pos = m.end()
    parts.append(value[pos:])
    return parts


def text_parts(value: Any) -> list:
    """A value as string parts for concatenation; unknown parts stay Unknown."""
    if isinstance(value, PartialString):
        return list(value.parts)
    if isinstance(value, Unknown):
        return [value]
    if has_placeholders(value):
        return id_parts(value)
    if isinstance(value, (dict, list)):
        raise EvalError("expected a string")
    return [to_text(value)]


def assign_key(out: Obj, key: str, value: Any) -> None:
    existing = out.actual_key(key)
    if existing is not None and existing != key:
        del out[existing]
    out[key] = value


# A string that is never closed runs to the end of the text (and is left as it is), so no quote
# is the start of a scan to the end more than once: linear in the text.
_QUOTED = pattern(r"""("(?:[^"\\]|\\.)*(?:"|\\?\Z))|'((?:[^'\\]|\\.)*)('|\\?\Z)""",
                     re.DOTALL)


def _double_quoted(m: re.Match) -> str:
    if m.group(1) is not None:
        return m.group(1)
    if m.group(3) != "'":
        return m.group(0)  # never closed: the JSON reader reports it
    body = m.group(2).replace("\\'", "'")
    return '"' + re.sub(r'(?<!\\)"', '\\"', body) + '"'


def json_value(text: str) -> Any:
    """JSON text as a value; like Newtonsoft (which ARM uses), strings may be single-quoted."""
    try:
        return literal_value(_json.loads(text))
    except ValueError:
        if "'" not in text:
            raise
    return literal_value(_json.loads(_QUOTED.sub(_double_quoted, text)))

