"""The condition operators of the Azure Policy language, as Azure compares values.

Owns: `compare(op, value, operand)` -> True, False, or an `Unsure` (with the reason), for one
selected value. Case rules (from the policy rule reference): every operator that compares strings
ignores case except `match` and `notMatch`; `like` takes `*` wildcards; `match` takes `#` for a
digit, `?` for a letter and `.` for any character, everything else literally, over the whole
value; `less`/`greater`/`lessOrEquals`/`greaterOrEquals` compare numbers as numbers, dates as
dates and other strings ignoring case, and a value of another type than the operand is an
evaluation error (undetermined here). `in`/`notIn` take an array. Values keep their JSON types:
`true` equals `"true"` (Azure compares the text of a boolean), `443` equals `"443"`.

An absent value (None) is not equal to anything, not like or in anything, contains nothing and
has no keys; the negated operators hold for it. Unknown values are undetermined, except that an
unknown value still exists.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..expr.values import PartialString, ResourceIdValue, Unknown

OPERATORS = ("equals", "notequals", "like", "notlike", "match", "matchinsensitively", "notmatch",
             "notmatchinsensitively", "contains", "notcontains", "in", "notin", "containskey",
             "notcontainskey", "less", "lessorequals", "greater", "greaterorequals", "exists")

# the operator that says what a policy wants when the operator it fires on is this one
OPPOSITE = {"equals": "notequals", "like": "notlike", "match": "notmatch",
            "matchinsensitively": "notmatchinsensitively", "contains": "notcontains",
            "in": "notin", "containskey": "notcontainskey", "less": "greaterorequals",
            "greater": "lessorequals"}
OPPOSITE.update({v: k for k, v in list(OPPOSITE.items())})
SPELLING = {op.lower(): op for op in (
    "equals", "notEquals", "like", "notLike", "match", "matchInsensitively", "notMatch",
    "notMatchInsensitively", "contains", "notContains", "in", "notIn", "containsKey",
    "notContainsKey", "less", "lessOrEquals", "greater", "greaterOrEquals", "exists")}


class Unsure:
    """An undetermined comparison and why."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason

    def __bool__(self) -> bool:  # pragma: no cover - a guard: Unsure must never be tested as bool
        raise TypeError("an undetermined result has no truth value")

    def __repr__(self) -> str:
        return f"Unsure({self.reason!r})"


def _is_unknown(value: Any) -> bool:
    if isinstance(value, Unknown):
        return True
    return isinstance(value, ResourceIdValue) and "{" in value


def unknown_in(value: Any) -> Unknown | None:
    """The first unknown part of a value (containers searched), for reasons."""
    if _is_unknown(value):
        return value if isinstance(value, Unknown) else \
            Unknown(str(value), "resourceId", "the resource ID depends on the deployment")
    if isinstance(value, dict):
        for v in value.values():
            found = unknown_in(v)
            if found is not None:
                return found
    elif isinstance(value, list):
        for v in value:
            found = unknown_in(v)
            if found is not None:
                return found
    return None


def _any_string(value: Any) -> bool:
    """A string, known or not (a resource ID, a partly known string, an unknown string)."""
    if isinstance(value, str):
        return True
    return isinstance(value, Unknown) and value.kind in ("string", "resourceId")


def describe_unknown(value: Unknown) -> str:
    text = value.text if not isinstance(value, PartialString) else ""
    why = value.reason or "it depends on the deployment"
    return f"[{text}] {why}" if text else why


def text_of(value: Any) -> str | None:
    """The text Azure compares for a scalar: strings as they are, booleans as true/false,
    numbers as written; None for containers and null."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return _number_text(value)
    return None


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def equals(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, dict) or isinstance(b, dict):
        if not (isinstance(a, dict) and isinstance(b, dict)) or len(a) != len(b):
            return False
        lowered = {str(k).lower(): v for k, v in b.items()}
        return all(str(k).lower() in lowered and equals(v, lowered[str(k).lower()])
                   for k, v in a.items())
    if isinstance(a, list) or isinstance(b, list):
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and \
            all(equals(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        return a == b
    ta, tb = text_of(a), text_of(b)
    return ta is not None and tb is not None and ta.casefold() == tb.casefold()


def like(value: Any, pattern: Any) -> bool:
    """`*` matches any text (case-insensitively). Matched by hand, each fixed part at its first
    place after the one before (which is always right when `*` matches anything): linear, where
    a regular expression `a.*a.*a.*b` over a long value backtracked polynomially."""
    text, pat = text_of(value), text_of(pattern)
    if text is None or pat is None:
        return False
    text, parts = text.lower(), pat.lower().split("*")
    if len(parts) == 1:
        return text == parts[0]
    first, last = parts[0], parts[-1]
    if len(text) < len(first) + len(last) or not text.startswith(first) or \
            not text.endswith(last):
        return False
    pos, end = len(first), len(text) - len(last)
    for part in parts[1:-1]:
        at = text.find(part, pos, end)
        if at < 0:
            return False
        pos = at + len(part)
    return True


def match(value: Any, pattern: Any, insensitive: bool) -> bool:
    text, pat = text_of(value), text_of(pattern)
    if text is None or pat is None or len(text) != len(pat):
        return False
    for c, p in zip(text, pat):
        if p == "#":
            if not c.isdigit():
                return False
        elif p == "?":
            if not c.isalpha():
                return False
        elif p == ".":
            continue
        elif c != p and not (insensitive and c.casefold() == p.casefold()):
            return False
    return True


def contains(value: Any, operand: Any) -> bool:
    if isinstance(value, list):
        return any(equals(item, operand) for item in value)
    if isinstance(value, dict):
        key = text_of(operand)
        return key is not None and any(str(k).casefold() == key.casefold() for k in value)
    text, part = text_of(value), text_of(operand)
    if text is None or part is None:
        return False
    return part.casefold() in text.casefold()


def contains_key(value: Any, key: Any) -> bool:
    name = text_of(key)
    if not isinstance(value, dict) or name is None:
        return False
    return any(str(k).casefold() == name.casefold() for k in value)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?([Zz]|[+-]\d{2}:?\d{2})?$")


def parse_date(text: str) -> _dt.datetime | None:
    if not _DATE.match(text.strip()):
        return None
    value = text.strip().replace("z", "Z").replace("Z", "+00:00").replace(" ", "T")
    if "." in value:  # Python reads at most 6 fraction digits
        head, _, tail = value.partition(".")
        digits = re.match(r"\d+", tail).group(0)
        value = f"{head}.{digits[:6].ljust(6, '0')}{tail[len(digits):]}"
    try:
        parsed = _dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=_dt.timezone.utc)
    return parsed


def order(value: Any, operand: Any) -> int | Unsure | None:
    """-1, 0 or 1 comparing value to operand; None when the value is absent; Unsure when the
    types do not match (Azure fails the evaluation)."""
    if value is None:
        return None
    num_v = isinstance(value, (int, float)) and not isinstance(value, bool)
    num_o = isinstance(operand, (int, float)) and not isinstance(operand, bool)
    if num_v and num_o:
        return (value > operand) - (value < operand)
    if isinstance(value, str) and isinstance(operand, str):
        dv, do = parse_date(value), parse_date(operand)
        if dv is not None and do is not None:
            return (dv > do) - (dv < do)
        a, b = value.casefold(), operand.casefold()
        return (a > b) - (a < b)
    return Unsure(f"{_type_name(value)} {text_of(value) or ''} cannot be ordered against "
                  f"{_type_name(operand)} {text_of(operand) or ''} (Azure fails such an "
                  "evaluation)".replace("  ", " "))


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def as_bool_operand(operand: Any) -> bool | None:
    if isinstance(operand, bool):
        return operand
    if isinstance(operand, str) and operand.strip().lower() in ("true", "false"):
        return operand.strip().lower() == "true"
    return None


def compare(op: str, value: Any, operand: Any) -> bool | Unsure:
    """One selected value against the operand with operator `op` (lower case)."""
    if op == "exists":
        want = as_bool_operand(operand)
        if want is None:
            return Unsure(f"'exists' takes true or false, not {operand!r}")
        return (value is not None) == want
    if op in ("like", "notlike") and _any_string(value) and isinstance(operand, str) and \
            operand and set(operand) == {"*"}:
        return op == "like"  # every string is like '*', even one armlint only partly knows
    unknown = unknown_in(value)
    if unknown is not None:
        return Unsure(describe_unknown(unknown))
    unknown = unknown_in(operand)
    if unknown is not None:
        return Unsure("the policy's value " + describe_unknown(unknown))
    if op == "equals":
        return equals(value, operand)
    if op == "notequals":
        return not equals(value, operand)
    if op in ("in", "notin"):
        if not isinstance(operand, list):
            return Unsure(f"'{SPELLING[op]}' needs an array, not {_type_name(operand)}")
        found = any(equals(value, item) for item in operand)
        return found if op == "in" else not found
    if op == "like":
        return like(value, operand)
    if op == "notlike":
        return not like(value, operand)
    if op in ("match", "matchinsensitively"):
        return match(value, operand, op == "matchinsensitively")
    if op in ("notmatch", "notmatchinsensitively"):
        return not match(value, operand, op == "notmatchinsensitively")
    if op == "contains":
        return contains(value, operand)
    if op == "notcontains":
        return not contains(value, operand)
    if op == "containskey":
        return contains_key(value, operand)
    if op == "notcontainskey":
        return not contains_key(value, operand)
    ordered = order(value, operand)
    if ordered is None:
        return False
    if isinstance(ordered, Unsure):
        return ordered
    if op == "less":
        return ordered < 0
    if op == "lessorequals":
        return ordered <= 0
    if op == "greater":
        return ordered > 0
    if op == "greaterorequals":
        return ordered >= 0
    return Unsure(f"unknown operator '{op}'")


def normalize_location(value: Any) -> Any:
    """Locations compare without case or spaces: 'East US 2' is 'eastus2'."""
    if isinstance(value, str) and not isinstance(value, Unknown):
        return value.replace(" ", "").lower()
    if isinstance(value, list):
        return [normalize_location(v) for v in value]
    return value
