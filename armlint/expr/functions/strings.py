"""String functions: concat, format (.NET composite formatting), string, toLower/toUpper, trim,
replace, split, substring, startsWith/endsWith/indexOf/lastIndexOf (case-insensitive), padLeft,
uniqueString and guid (a name-based UUID v5 over the arguments joined with '-').
"""
from __future__ import annotations

import re

from ..limits import need_text
from ..evaluate import EvalError, unknown_of
from ..values import Arr, PartialString, Unknown, make_string
from .args import (find_position, has_placeholders, id_parts, int_arg, is_int, need, string_arg,
                   text_parts, to_text)
from .registry import FUNCTIONS, fn
from .. import uniquestring
from ...source.lazy import pattern

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


def _is_array(value: Any) -> bool:
    return isinstance(value, list) or (isinstance(value, Unknown) and value.kind == "array")


@fn("concat", unknown_ok=True)
def _concat(args, node, ctx):
    if any(_is_array(a) for a in args):
        if all(isinstance(a, list) for a in args):
            out = Arr()
            for a in args:
                out.extend(a)
            return out
        if all(_is_array(a) or (isinstance(a, Unknown) and a.kind is None) for a in args):
            return unknown_of(node, "an argument is unknown", "array")
        raise EvalError("concat() takes all arrays or all strings")
    need_text(sum(len(a) for a in args if isinstance(a, str)), "concat()")
    parts: list = []
    for a in args:
        parts.extend(text_parts(a))
    return make_string(parts)


_FORMAT_ITEM = pattern(r"\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^{}]*))?\}|[{}]")
_ZEROS = pattern(r"0+\Z")


def _zero_padded(value: int, width: int) -> str:
    return str(value).zfill(width) if value >= 0 else "-" + str(-value).zfill(width)


def _format_number(value: Any, spec: str) -> str:
    """An integer in a .NET numeric format (invariant culture): D, N, F, G, X, P or 000."""
    if not is_int(value):
        raise EvalError("format specifiers are only evaluated for integers")
    if _ZEROS.match(spec):
        return _zero_padded(value, len(spec))
    kind, digits = spec[:1].upper(), spec[1:]
    if digits and not digits.isdigit():
        raise EvalError("unsupported custom numeric format")
    precision = int(digits) if digits else None
    need_text(precision or 0, "a format() precision")
    if kind == "D":
        return _zero_padded(value, precision or 0)
    if kind == "N":
        return f"{value:,.{2 if precision is None else precision}f}"
    if kind == "F":
        return f"{value:.{2 if precision is None else precision}f}"
    if kind == "G" and precision is None:
        return str(value)
    if kind == "X" and value >= 0:
        return format(value, "X" if spec[0] == "X" else "x").zfill(precision or 0)
    if kind == "P":
        return f"{value * 100:,.{2 if precision is None else precision}f} %"
    raise EvalError("unsupported numeric format")


def _format_container(value: Any) -> str:
    # The reference shows format('{0}', {prop: 'value'}) as {'prop':'value'}; only that shape
    # (strings and integers, no quotes inside) is reproduced.
    if isinstance(value, dict):
        return "{" + ",".join(_format_container(k) + ":" + _format_container(v)
                              for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_format_container(v) for v in value) + "]"
    if isinstance(value, str) and not isinstance(value, Unknown) and "'" not in value \
            and '"' not in value and "\\" not in value and not has_placeholders(value):
        return "'" + value + "'"
    if is_int(value):
        return str(value)
    raise EvalError("this value's rendering inside format() is not known")


@fn("format", unknown_ok=True)
def _format(args, node, ctx):
    need(args, 1)
    if isinstance(args[0], Unknown):
        return unknown_of(node, "the format string is unknown", "string")
    fmt = string_arg(args[0])
    parts: list = []
    pos = 0
    for m in _FORMAT_ITEM.finditer(fmt):
        parts.append(fmt[pos:m.start()])
        pos = m.end()
        token = m.group()
        if token == "{{":
            parts.append("{")
            continue
        if token == "}}":
            parts.append("}")
            continue
        if m.group(1) is None:
            raise EvalError("a lone brace in the format string")  # .NET throws FormatException
        i = int(m.group(1))
        if i + 1 >= len(args):
            raise EvalError("format() index out of range")
        value, spec, width = args[i + 1], m.group(3), int(m.group(2) or 0)
        need_text(abs(width), "an aligned format() item")
        if isinstance(value, Unknown) or has_placeholders(value):
            if width or spec:
                return unknown_of(node, "an aligned or formatted argument is unknown", "string")
            parts.extend(text_parts(value))
            continue
        if spec:
            text = _format_number(value, spec)
        elif isinstance(value, (dict, list)):
            text = _format_container(value)
        else:
            text = to_text(value)
        parts.append(text.rjust(width) if width > 0 else text.ljust(-width))
    parts.append(fmt[pos:])
    return make_string(parts)


@fn("string", unknown_ok=True)
def _string(args, node, ctx):
    need(args, 1, 1)
    v = args[0]
    if isinstance(v, PartialString):
        return v
    if isinstance(v, Unknown) or has_placeholders(v):
        return unknown_of(node, "the argument is unknown", "string")
    return to_text(v)


def _case_map(args, node, lower: bool):
    need(args, 1, 1)
    v = args[0]
    if has_placeholders(v):
        v = PartialString(tuple(id_parts(v)))
    name = "tolower" if lower else "toupper"
    if isinstance(v, PartialString):
        return PartialString(tuple(
            (p.lower() if lower else p.upper()) if isinstance(p, str)
            else Unknown(f"{name}({p.text})", p.kind, p.reason) for p in v.parts))
    if isinstance(v, Unknown):
        return unknown_of(node, "the argument is unknown", "string")
    return string_arg(v).lower() if lower else string_arg(v).upper()


FUNCTIONS["tolower"] = lambda args, node, ctx: _case_map(args, node, True)
FUNCTIONS["toupper"] = lambda args, node, ctx: _case_map(args, node, False)


@fn("trim", kind="string")
def _trim(args, node, ctx):
    need(args, 1, 1)
    return string_arg(args[0]).strip()


@fn("replace", kind="string")
def _replace(args, node, ctx):
    need(args, 3, 3)
    old = string_arg(args[1])
    if not old:
        raise EvalError("replace() of an empty string")
    text, new = string_arg(args[0]), string_arg(args[2])
    if len(new) > len(old):
        need_text(len(text) + text.count(old) * (len(new) - len(old)), "replace()")
    return text.replace(old, new)


@fn("split", kind="array")
def _split(args, node, ctx):
    need(args, 2, 2)
    text, delims = string_arg(args[0]), args[1]
    if isinstance(delims, str):
        delims = [delims]
    if not isinstance(delims, list) or \
            not all(isinstance(d, str) and string_arg(d) for d in delims):
        raise EvalError("split() takes a delimiter string or an array of them")
    if len(delims) == 1:
        return Arr(text.split(delims[0]))
    return Arr(re.split("|".join(re.escape(d) for d in delims), text))


@fn("substring", kind="string")
def _substring(args, node, ctx):
    need(args, 1, 3)
    text = string_arg(args[0])
    start = int_arg(args[1]) if len(args) > 1 else 0
    length = int_arg(args[2]) if len(args) == 3 else len(text) - start
    if start < 0 or length < 0 or start + length > len(text):
        raise EvalError("substring() out of range")
    return text[start:start + length]


@fn("startsWith", kind="bool")
def _starts_with(args, node, ctx):
    need(args, 2, 2)
    return string_arg(args[0]).lower().startswith(string_arg(args[1]).lower())


@fn("endsWith", kind="bool")
def _ends_with(args, node, ctx):
    need(args, 2, 2)
    return string_arg(args[0]).lower().endswith(string_arg(args[1]).lower())


def _index_in(args, last: bool):
    need(args, 2, 2)
    hay, needle = args
    if isinstance(hay, list):
        positions = range(len(hay) - 1, -1, -1) if last else range(len(hay))
        found = find_position(hay, needle, positions)
        if found is None:
            raise EvalError("an unknown element decides the position")
        return found
    hay, needle = string_arg(hay).lower(), string_arg(needle).lower()
    return hay.rfind(needle) if last else hay.find(needle)


@fn("indexOf", kind="int")
def _index_of(args, node, ctx):
    return _index_in(args, False)


@fn("lastIndexOf", kind="int")
def _last_index_of(args, node, ctx):
    return _index_in(args, True)


@fn("padLeft", kind="string")
def _pad_left(args, node, ctx):
    need(args, 2, 3)
    value = args[0]
    text = str(value) if is_int(value) else string_arg(value)
    width = int_arg(args[1])
    need_text(width, "padLeft()")
    pad = string_arg(args[2]) if len(args) == 3 else " "
    if len(pad) != 1:
        raise EvalError("padLeft() pads with one character")
    return text.rjust(width, pad)


def _hash_args(args, node, what: str) -> list | Unknown:
    """The known string arguments of uniqueString()/guid(), or the Unknown the call is."""
    if not args:
        raise EvalError(f"{what}() takes at least one string")
    for a in args:
        if isinstance(a, Unknown) or has_placeholders(a):
            return unknown_of(node, f"{what}() of values known only at deployment", "string")
        if not isinstance(a, str):
            raise EvalError(f"{what}() takes strings")
    return args


@fn("uniqueString", unknown_ok=True)
def _unique_string(args, node, ctx):
    known = _hash_args(args, node, "uniqueString")
    return known if isinstance(known, Unknown) else uniquestring.unique_string(*known)


# ARM's guid(): RFC 4122 name-based (SHA-1, version 5) UUID in this namespace over the UTF-8
# arguments joined with '-'. Checked against ARM's engine: guid('asdf') is
# 228d27cc-6fdb-5934-b7ac-1efccebade04 (Azure/bicep baselines_bicepparam/Expressions).
_GUID_NAMESPACE = "11fb06fb-712d-4ddd-98c7-e71bbd588830"


@fn("guid", unknown_ok=True)
def _guid(args, node, ctx):
    known = _hash_args(args, node, "guid")
    if isinstance(known, Unknown):
        return known
    import uuid  # not at import: it imports `platform` (issue 12: start-up)
    return str(uuid.uuid5(uuid.UUID(_GUID_NAMESPACE), "-".join(known)))

