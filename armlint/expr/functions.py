"""The ARM template functions armlint evaluates, by name (lower-case).

Owns: `FUNCTIONS` (functions whose arguments are evaluated first) and `LAZY_FUNCTIONS` (those that
decide what to evaluate: `if`, `and`, `or`, `coalesce`, the lambda functions, `copyIndex`,
`parameters`...). Semantics follow the ARM template functions reference and, where it is silent,
values computed by ARM's own engine (the Bicep repository's parameter-file baselines):

* strings: `startsWith`, `endsWith`, `indexOf`, `lastIndexOf` ignore case; `equals`, `contains`,
  `replace` and `indexOf` on arrays do not; `less`/`greater` compare strings the .NET culture way
  ('a' < 'A' < 'b'); `string()` renders booleans as `True`/`False` and containers as compact JSON;
  `json()` accepts single-quoted strings as Newtonsoft does.
* `union` merges nested objects (not nested arrays); `items` sorts by key.
* `dateTimeAdd` counts a year as 365 days and a month as 30 (XML duration semantics).
* `guid` is a name-based UUID v5 over the arguments joined with '-'; `uniqueString` is in
  `uniquestring.py`.

Anything that depends on the deployment returns `Unknown`; any Unknown argument makes the result
Unknown, except where a known answer does not depend on it (`and(false, x)`, `or(true, x)`, `if`
with a known condition, `coalesce` before the first unknown, strings built from partly unknown
parts, which become a `PartialString`). A resource ID with deployment placeholders is treated as
partly unknown text, never hashed or measured as if it were known.
"""
from __future__ import annotations

import base64
import datetime as _dt
import functools
import ipaddress
import json as _json
import re
import urllib.parse
import uuid
from typing import Any

from .ast import Call, Literal
from .evaluate import EvalContext, EvalError, evaluate, unknown_of
from .values import (Arr, Obj, PartialString, ResourceIdValue, Unknown, as_bool, contains_unknown,
                     literal_value, make_string)
from . import uniquestring

FUNCTIONS: dict = {}
LAZY_FUNCTIONS: dict = {}


def fn(*names: str, unknown_ok: bool = False, kind: str | None = None):
    """Register a function; unless `unknown_ok`, an Unknown argument makes the result Unknown
    (of `kind`, the type the function returns, when it always returns one type)."""
    def register(func):
        if unknown_ok:
            wrapper = func
        else:
            def wrapper(args, node, ctx):
                for a in args:
                    if isinstance(a, Unknown):
                        return unknown_of(node, "an argument is unknown", kind)
                return func(args, node, ctx)
        for n in names:
            FUNCTIONS[n.lower()] = wrapper
        return func
    return register


def lazy(*names: str):
    def register(func):
        for n in names:
            LAZY_FUNCTIONS[n.lower()] = func
        return func
    return register


def _need(args, count_min, count_max=None):
    if len(args) < count_min or (count_max is not None and len(args) > count_max):
        raise EvalError("wrong number of arguments")


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _has_placeholders(x) -> bool:
    # resourceId() fills what the deployment decides ({subscriptionId}, unknown names) with
    # placeholders: the text is not the real ID, so nothing may read it as known text.
    return isinstance(x, ResourceIdValue) and "{" in x


def _str(x) -> str:
    if not isinstance(x, str) or isinstance(x, Unknown):
        raise EvalError("expected a string")
    if _has_placeholders(x):
        raise EvalError("the resource ID depends on the deployment")
    return x


def _int(x) -> int:
    if not _is_int(x):
        raise EvalError("expected an integer")
    return x


def to_text(value: Any) -> str:
    """ARM's string() of a known value: strings as they are, booleans as .NET writes them
    (`True`), everything else as compact JSON."""
    if isinstance(value, str):
        return _str(value)
    if value is True:
        return "True"
    if value is False:
        return "False"
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if contains_unknown(value) or _contains_placeholders(value):
        raise EvalError("part of the value is unknown")
    return _json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _contains_placeholders(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_contains_placeholders(v) for v in value.values())
    if isinstance(value, list):
        return any(_contains_placeholders(v) for v in value)
    return _has_placeholders(value)


def deep_equal(a: Any, b: Any) -> bool | None:
    """Equality as ARM's equals() (case-sensitive for strings); None when an unknown decides it."""
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if _has_placeholders(a) or _has_placeholders(b):
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


def _find(items: list, value: Any, positions) -> int | None:
    """The first position (in `positions` order) holding `value`, -1 if none does, or None when
    an element that an unknown hides comes first."""
    for i in positions:
        eq = deep_equal(items[i], value)
        if eq is None:
            return None
        if eq:
            return i
    return -1


def _member(items: list, value: Any) -> bool | None:
    """Whether `value` is in `items`; None when only unknown elements could hold it."""
    unknown = False
    for item in items:
        eq = deep_equal(item, value)
        if eq:
            return True
        if eq is None:
            unknown = True
    return None if unknown else False


# --- deployment values and scope -------------------------------------------------------------

@lazy("parameters")
def _parameters(node: Call, ctx: EvalContext):
    name = evaluate(node.args[0], ctx) if node.args else None
    if not isinstance(name, str) or isinstance(name, Unknown):
        return unknown_of(node, "the parameter name is unknown")
    return ctx.scope.parameter(name)


@lazy("variables")
def _variables(node: Call, ctx: EvalContext):
    name = evaluate(node.args[0], ctx) if node.args else None
    if not isinstance(name, str) or isinstance(name, Unknown):
        return unknown_of(node, "the variable name is unknown")
    return ctx.scope.variable(name)


@lazy("copyindex")
def _copy_index(node: Call, ctx: EvalContext):
    args = [evaluate(a, ctx) for a in node.args]
    loop, offset = None, 0
    for a in args:
        if isinstance(a, Unknown):
            return unknown_of(node, "an argument is unknown", "int")
        if isinstance(a, str):
            loop = a
        elif _is_int(a):
            offset = a
    index = ctx.copy.get((loop or "").lower())
    if index is None:
        return unknown_of(node, "the copy index depends on the loop", "int")
    if isinstance(index, Unknown):
        return index
    return index + offset


@lazy("lambdavariables")
def _lambda_variables(node: Call, ctx: EvalContext):
    name = evaluate(node.args[0], ctx) if node.args else None
    if isinstance(name, str) and name.lower() in ctx.lambdas:
        return ctx.lambdas[name.lower()]
    return unknown_of(node, "not inside a lambda")


def _scope_function(kind: str):
    def scope_object(args, node, ctx):
        return ctx.scope.deployment.scope_object(kind)
    return scope_object


for _kind in ("resourceGroup", "subscription", "tenant", "managementGroup", "deployment",
              "deployer", "environment"):
    FUNCTIONS[_kind.lower()] = _scope_function(_kind.lower())


def _runtime(kind: str | None):
    def runtime(args, node, ctx):
        return unknown_of(node, f"{node.name}() is only known at deployment", kind)
    return runtime


for _name, _result_kind in (("reference", "object"), ("references", "array"), ("utcNow", "string"),
                            ("newGuid", "string"), ("pickZones", "array"), ("providers", "object"),
                            ("toLogicalZone", "string"), ("toLogicalZones", "array"),
                            ("toPhysicalZone", "string"), ("toPhysicalZones", "array")):
    FUNCTIONS[_name.lower()] = _runtime(_result_kind)


# --- logical ---------------------------------------------------------------------------------

@fn("true")
def _true(args, node, ctx):
    return True


@fn("false")
def _false(args, node, ctx):
    return False


@fn("null")
def _null(args, node, ctx):
    return None


@lazy("if")
def _if(node: Call, ctx: EvalContext):
    if len(node.args) != 3:
        raise EvalError("if() takes three arguments")
    cond = evaluate(node.args[0], ctx)
    if isinstance(cond, Unknown):
        return unknown_of(node, "the condition is unknown")
    truth = as_bool(cond)
    if truth is None:
        raise EvalError("the condition is not a boolean")
    return evaluate(node.args[1] if truth else node.args[2], ctx)


def _logic(node: Call, ctx: EvalContext, decisive: bool):
    unknown = False
    for a in node.args:
        v = evaluate(a, ctx)
        if isinstance(v, Unknown):
            unknown = True
            continue
        b = as_bool(v)
        if b is None:
            raise EvalError(f"{node.name}() takes booleans")
        if b is decisive:
            return decisive
    return unknown_of(node, "an argument is unknown", "bool") if unknown else not decisive


@lazy("and")
def _and(node: Call, ctx: EvalContext):
    return _logic(node, ctx, False)


@lazy("or")
def _or(node: Call, ctx: EvalContext):
    return _logic(node, ctx, True)


@fn("not", kind="bool")
def _not(args, node, ctx):
    _need(args, 1, 1)
    b = as_bool(args[0])
    if b is None:
        raise EvalError("not() takes a boolean")
    return not b


@fn("bool", kind="bool")
def _bool(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if _is_int(v):
        return v != 0
    b = as_bool(v)
    if b is None:
        raise EvalError("bool() takes 'true', 'false', a boolean or a number")
    return b


# --- comparison ------------------------------------------------------------------------------

@lazy("coalesce")
def _coalesce(node: Call, ctx: EvalContext):
    for a in node.args:
        v = evaluate(a, ctx)
        if isinstance(v, PartialString):
            return v  # a string with unknown parts is still not null
        if isinstance(v, Unknown):
            return unknown_of(node, "an argument before the first non-null value is unknown")
        if v is not None:
            return v
    return None


@fn("equals", unknown_ok=True)
def _equals(args, node, ctx):
    _need(args, 2, 2)
    # Case-sensitive: Bicep lowers its case-insensitive `=~` to equals(toLower(a), toLower(b)).
    eq = deep_equal(args[0], args[1])
    return unknown_of(node, "an argument is unknown", "bool") if eq is None else eq


_CULTURE_SAFE = re.compile(r"[A-Za-z0-9 ]*\Z")


def _culture_key(s: str) -> tuple:
    """Order of .NET culture-aware comparison, exact for letters, digits and spaces: letters
    compare ignoring case first, then lower case sorts before upper case ('demo' < 'Demo')."""
    if not _CULTURE_SAFE.match(s):
        raise EvalError("the order of these characters is culture-specific")
    return s.lower(), tuple(c.isupper() for c in s)


def _ordered(args) -> tuple:
    _need(args, 2, 2)
    a, b = args
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        return a, b
    if isinstance(a, str) and isinstance(b, str):
        a, b = _str(a), _str(b)
        if a == b:
            return 0, 0
        return _culture_key(a), _culture_key(b)
    raise EvalError("comparisons take two numbers or two strings")


@fn("less", kind="bool")
def _less(args, node, ctx):
    a, b = _ordered(args)
    return a < b


@fn("lessOrEquals", kind="bool")
def _less_eq(args, node, ctx):
    a, b = _ordered(args)
    return a <= b


@fn("greater", kind="bool")
def _greater(args, node, ctx):
    a, b = _ordered(args)
    return a > b


@fn("greaterOrEquals", kind="bool")
def _greater_eq(args, node, ctx):
    a, b = _ordered(args)
    return a >= b


# --- numeric ---------------------------------------------------------------------------------

def _trunc_div(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


@fn("add", kind="int")
def _add(args, node, ctx):
    _need(args, 2, 2)
    return _int(args[0]) + _int(args[1])


@fn("sub", kind="int")
def _sub(args, node, ctx):
    _need(args, 2, 2)
    return _int(args[0]) - _int(args[1])


@fn("mul", kind="int")
def _mul(args, node, ctx):
    _need(args, 2, 2)
    return _int(args[0]) * _int(args[1])


@fn("div", kind="int")
def _div(args, node, ctx):
    _need(args, 2, 2)
    return _trunc_div(_int(args[0]), _int(args[1]))


@fn("mod", kind="int")
def _mod(args, node, ctx):
    _need(args, 2, 2)
    a, b = _int(args[0]), _int(args[1])
    return a - b * _trunc_div(a, b)  # .NET %: the sign of the dividend


@fn("int", kind="int")
def _to_int(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if _is_int(v):
        return v
    if isinstance(v, float):
        return int(v)
    if isinstance(v, str):
        return int(_str(v).strip())
    raise EvalError("int() takes a string or a number")


@fn("float", kind="float")
def _to_float(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise EvalError("float() takes a string or a number")
    return float(_str(v) if isinstance(v, str) else v)


def _numbers(args) -> list:
    values = args[0] if len(args) == 1 and isinstance(args[0], list) else args
    if not values:
        raise EvalError("min/max take numbers")
    for v in values:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise EvalError("min/max take numbers")
    return values


@fn("max", kind="int")
def _max(args, node, ctx):
    return max(_numbers(args))


@fn("min", kind="int")
def _min(args, node, ctx):
    return min(_numbers(args))


@fn("range", kind="array")
def _range(args, node, ctx):
    _need(args, 2, 2)
    start, count = _int(args[0]), _int(args[1])
    if count < 0 or count > 10000 or start + count > 2147483647:
        raise EvalError("range() out of bounds")
    return Arr(range(start, start + count))


# --- strings ---------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# What each resourceId() placeholder stands for, as the expression that would give it.
_PLACEHOLDER_TEXT = {"subscriptionId": "subscription().subscriptionid",
                     "resourceGroupName": "resourcegroup().name",
                     "managementGroupName": "managementgroup().name"}


def _id_parts(value: ResourceIdValue) -> list:
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


def _text_parts(value: Any) -> list:
    """A value as string parts for concatenation; unknown parts stay Unknown."""
    if isinstance(value, PartialString):
        return list(value.parts)
    if isinstance(value, Unknown):
        return [value]
    if _has_placeholders(value):
        return _id_parts(value)
    if isinstance(value, (dict, list)):
        raise EvalError("expected a string")
    return [to_text(value)]


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
    parts: list = []
    for a in args:
        parts.extend(_text_parts(a))
    return make_string(parts)


_FORMAT_ITEM = re.compile(r"\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^{}]*))?\}|[{}]")
_ZEROS = re.compile(r"0+\Z")


def _zero_padded(value: int, width: int) -> str:
    return str(value).zfill(width) if value >= 0 else "-" + str(-value).zfill(width)


def _format_number(value: Any, spec: str) -> str:
    """An integer in a .NET numeric format (invariant culture): D, N, F, G, X, P or 000."""
    if not _is_int(value):
        raise EvalError("format specifiers are only evaluated for integers")
    if _ZEROS.match(spec):
        return _zero_padded(value, len(spec))
    kind, digits = spec[:1].upper(), spec[1:]
    if digits and not digits.isdigit():
        raise EvalError("unsupported custom numeric format")
    precision = int(digits) if digits else None
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
            and '"' not in value and "\\" not in value and not _has_placeholders(value):
        return "'" + value + "'"
    if _is_int(value):
        return str(value)
    raise EvalError("this value's rendering inside format() is not known")


@fn("format", unknown_ok=True)
def _format(args, node, ctx):
    _need(args, 1)
    if isinstance(args[0], Unknown):
        return unknown_of(node, "the format string is unknown", "string")
    fmt = _str(args[0])
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
        if isinstance(value, Unknown) or _has_placeholders(value):
            if width or spec:
                return unknown_of(node, "an aligned or formatted argument is unknown", "string")
            parts.extend(_text_parts(value))
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
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, PartialString):
        return v
    if isinstance(v, Unknown) or _has_placeholders(v):
        return unknown_of(node, "the argument is unknown", "string")
    return to_text(v)


def _case_map(args, node, lower: bool):
    _need(args, 1, 1)
    v = args[0]
    if _has_placeholders(v):
        v = PartialString(tuple(_id_parts(v)))
    name = "tolower" if lower else "toupper"
    if isinstance(v, PartialString):
        return PartialString(tuple(
            (p.lower() if lower else p.upper()) if isinstance(p, str)
            else Unknown(f"{name}({p.text})", p.kind, p.reason) for p in v.parts))
    if isinstance(v, Unknown):
        return unknown_of(node, "the argument is unknown", "string")
    return _str(v).lower() if lower else _str(v).upper()


FUNCTIONS["tolower"] = lambda args, node, ctx: _case_map(args, node, True)
FUNCTIONS["toupper"] = lambda args, node, ctx: _case_map(args, node, False)


@fn("trim", kind="string")
def _trim(args, node, ctx):
    _need(args, 1, 1)
    return _str(args[0]).strip()


@fn("replace", kind="string")
def _replace(args, node, ctx):
    _need(args, 3, 3)
    old = _str(args[1])
    if not old:
        raise EvalError("replace() of an empty string")
    return _str(args[0]).replace(old, _str(args[2]))


@fn("split", kind="array")
def _split(args, node, ctx):
    _need(args, 2, 2)
    text, delims = _str(args[0]), args[1]
    if isinstance(delims, str):
        delims = [delims]
    if not isinstance(delims, list) or not all(isinstance(d, str) and _str(d) for d in delims):
        raise EvalError("split() takes a delimiter string or an array of them")
    if len(delims) == 1:
        return Arr(text.split(delims[0]))
    return Arr(re.split("|".join(re.escape(d) for d in delims), text))


@fn("substring", kind="string")
def _substring(args, node, ctx):
    _need(args, 1, 3)
    text = _str(args[0])
    start = _int(args[1]) if len(args) > 1 else 0
    length = _int(args[2]) if len(args) == 3 else len(text) - start
    if start < 0 or length < 0 or start + length > len(text):
        raise EvalError("substring() out of range")
    return text[start:start + length]


@fn("startsWith", kind="bool")
def _starts_with(args, node, ctx):
    _need(args, 2, 2)
    return _str(args[0]).lower().startswith(_str(args[1]).lower())


@fn("endsWith", kind="bool")
def _ends_with(args, node, ctx):
    _need(args, 2, 2)
    return _str(args[0]).lower().endswith(_str(args[1]).lower())


def _index_in(args, last: bool):
    _need(args, 2, 2)
    hay, needle = args
    if isinstance(hay, list):
        positions = range(len(hay) - 1, -1, -1) if last else range(len(hay))
        found = _find(hay, needle, positions)
        if found is None:
            raise EvalError("an unknown element decides the position")
        return found
    hay, needle = _str(hay).lower(), _str(needle).lower()
    return hay.rfind(needle) if last else hay.find(needle)


@fn("indexOf", kind="int")
def _index_of(args, node, ctx):
    return _index_in(args, False)


@fn("lastIndexOf", kind="int")
def _last_index_of(args, node, ctx):
    return _index_in(args, True)


@fn("padLeft", kind="string")
def _pad_left(args, node, ctx):
    _need(args, 2, 3)
    value = args[0]
    text = str(value) if _is_int(value) else _str(value)
    width = _int(args[1])
    pad = _str(args[2]) if len(args) == 3 else " "
    if len(pad) != 1:
        raise EvalError("padLeft() pads with one character")
    return text.rjust(width, pad)


def _b64decode(text: str) -> str:
    return base64.b64decode(_str(text), validate=True).decode("utf-8")


@fn("base64", kind="string")
def _base64(args, node, ctx):
    _need(args, 1, 1)
    return base64.b64encode(_str(args[0]).encode("utf-8")).decode("ascii")


@fn("base64ToString", kind="string")
def _base64_to_string(args, node, ctx):
    _need(args, 1, 1)
    return _b64decode(args[0])


@fn("base64ToJson")
def _base64_to_json(args, node, ctx):
    _need(args, 1, 1)
    return _json_value(_b64decode(args[0]))


@fn("dataUri", kind="string")
def _data_uri(args, node, ctx):
    _need(args, 1, 1)
    encoded = base64.b64encode(_str(args[0]).encode("utf-8")).decode("ascii")
    return "data:text/plain;charset=utf8;base64," + encoded


@fn("dataUriToString", kind="string")
def _data_uri_to_string(args, node, ctx):
    _need(args, 1, 1)
    header, _, data = _str(args[0]).partition(",")
    if not header.startswith("data:"):
        raise EvalError("not a data URI")
    if header.endswith(";base64"):
        return base64.b64decode(data).decode("utf-8")
    return urllib.parse.unquote(data)


@fn("uri", kind="string")
def _uri(args, node, ctx):
    _need(args, 2, 2)
    return urllib.parse.urljoin(_str(args[0]), _str(args[1]))  # RFC 3986 section 5


@fn("uriComponent", kind="string")
def _uri_component(args, node, ctx):
    _need(args, 1, 1)
    # Uri.EscapeDataString: everything but RFC 3986 unreserved characters is escaped.
    return urllib.parse.quote(_str(args[0]), safe="-_.~")


@fn("uriComponentToString", kind="string")
def _uri_component_to_string(args, node, ctx):
    _need(args, 1, 1)
    return urllib.parse.unquote(_str(args[0]))


_QUOTED = re.compile(r"""("(?:[^"\\]|\\.)*")|'((?:[^'\\]|\\.)*)'""", re.DOTALL)


def _double_quoted(m: re.Match) -> str:
    if m.group(1) is not None:
        return m.group(1)
    body = m.group(2).replace("\\'", "'")
    return '"' + re.sub(r'(?<!\\)"', '\\"', body) + '"'


def _json_value(text: str) -> Any:
    """JSON text as a value; like Newtonsoft (which ARM uses), strings may be single-quoted."""
    try:
        return literal_value(_json.loads(text))
    except ValueError:
        if "'" not in text:
            raise
    return literal_value(_json.loads(_QUOTED.sub(_double_quoted, text)))


@fn("json")
def _json_fn(args, node, ctx):
    _need(args, 1, 1)
    return _json_value(_str(args[0]))


def _hash_args(args, node, what: str) -> list | Unknown:
    """The known string arguments of uniqueString()/guid(), or the Unknown the call is."""
    if not args:
        raise EvalError(f"{what}() takes at least one string")
    for a in args:
        if isinstance(a, Unknown) or _has_placeholders(a):
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
_GUID_NAMESPACE = uuid.UUID("11fb06fb-712d-4ddd-98c7-e71bbd588830")


@fn("guid", unknown_ok=True)
def _guid(args, node, ctx):
    known = _hash_args(args, node, "guid")
    return known if isinstance(known, Unknown) else str(uuid.uuid5(_GUID_NAMESPACE, "-".join(known)))


# --- arrays and objects ----------------------------------------------------------------------

@fn("createArray", unknown_ok=True)
def _create_array(args, node, ctx):
    return Arr(args)


@fn("createObject", unknown_ok=True)
def _create_object(args, node, ctx):
    if len(args) % 2:
        raise EvalError("createObject() takes key/value pairs")
    out = Obj()
    for i in range(0, len(args), 2):
        if isinstance(args[i], Unknown):
            return unknown_of(node, "a key is unknown", "object")
        out[_str(args[i])] = args[i + 1]
    return out


@fn("array", kind="array")
def _array(args, node, ctx):
    _need(args, 1, 1)
    return args[0] if isinstance(args[0], list) else Arr([args[0]])


@fn("empty", kind="bool")
def _empty(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if v is None:
        return True
    if isinstance(v, (str, list, dict)):
        return len(v) == 0
    raise EvalError("empty() takes a string, an array or an object")


@fn("length", kind="int")
def _length(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, str):
        return len(_str(v))
    if isinstance(v, (list, dict)):
        return len(v)
    raise EvalError("length() takes a string, an array or an object")


@fn("contains", kind="bool")
def _contains(args, node, ctx):
    _need(args, 2, 2)
    container, value = args
    if isinstance(container, dict):
        return isinstance(value, str) and value in container  # keys: case-insensitive
    if isinstance(container, list):
        found = _member(container, value)
        if found is None:
            raise EvalError("an unknown element decides it")
        return found
    if isinstance(container, str):
        return to_text(value) in _str(container)  # strings: case-sensitive
    raise EvalError("contains() takes a string, an array or an object")


def _first_or_last(args, index: int):
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, str):
        v = _str(v)
        return v[index] if v else ""
    if isinstance(v, list):
        return v[index] if v else None
    raise EvalError("expected a string or an array")


@fn("first")
def _first(args, node, ctx):
    return _first_or_last(args, 0)


@fn("last")
def _last(args, node, ctx):
    return _first_or_last(args, -1)


@fn("take")
def _take(args, node, ctx):
    _need(args, 2, 2)
    v, n = args[0], max(_int(args[1]), 0)
    if isinstance(v, list):
        return Arr(v[:n])
    return _str(v)[:n]


@fn("skip")
def _skip(args, node, ctx):
    _need(args, 2, 2)
    v, n = args[0], max(_int(args[1]), 0)
    if isinstance(v, list):
        return Arr(v[n:])
    return _str(v)[n:]


@fn("join", unknown_ok=True)
def _join(args, node, ctx):
    _need(args, 2, 2)
    items, delim = args
    if isinstance(items, Unknown) or isinstance(delim, Unknown):
        return unknown_of(node, "an argument is unknown", "string")
    if not isinstance(items, list):
        raise EvalError("join() takes an array")
    delim = _str(delim)
    parts: list = []
    for i, item in enumerate(items):
        if i:
            parts.append(delim)
        parts.extend(_text_parts(item))
    return make_string(parts)


def _merge(a: dict, b: dict) -> Obj:
    out = Obj(a)
    for k, v in b.items():
        existing = out.actual_key(k)
        if existing is not None and isinstance(out[existing], dict) and isinstance(v, dict):
            out[existing] = _merge(out[existing], v)
        else:
            if existing is not None and existing != k:
                del out[existing]
            out[k] = v
    return out


@fn("union")
def _union(args, node, ctx):
    _need(args, 1)
    if all(isinstance(a, dict) for a in args):
        out = Obj()
        for a in args:
            out = _merge(out, a)  # nested objects merge; nested arrays are replaced
        return out
    if all(isinstance(a, list) for a in args):
        out_list = Arr()
        for a in args:
            for v in a:
                present = _member(out_list, v)
                if present is None:
                    raise EvalError("an unknown element decides it")
                if not present:
                    out_list.append(v)
        return out_list
    raise EvalError("union() takes all arrays or all objects")


@fn("intersection")
def _intersection(args, node, ctx):
    _need(args, 1)
    if all(isinstance(a, dict) for a in args):
        out = Obj()
        for k, v in args[0].items():
            verdicts = [deep_equal(o[k], v) if k in o else False for o in args[1:]]
            if None in verdicts and False not in verdicts:
                raise EvalError("an unknown value decides it")
            if all(verdicts):
                out[k] = v
        return out
    if all(isinstance(a, list) for a in args):
        out_list = Arr()
        for v in args[0]:
            found = [_member(o, v) for o in args[1:]] + [not _member(out_list, v)]
            if None in found:
                raise EvalError("an unknown value decides it")
            if all(found):
                out_list.append(v)
        return out_list
    raise EvalError("intersection() takes all arrays or all objects")


def _assign(out: Obj, key: str, value: Any) -> None:
    existing = out.actual_key(key)
    if existing is not None and existing != key:
        del out[existing]
    out[key] = value


@fn("shallowMerge", kind="object")
def _shallow_merge(args, node, ctx):
    _need(args, 1, 1)
    if not isinstance(args[0], list):
        raise EvalError("shallowMerge() takes an array of objects")
    out = Obj()
    for o in args[0]:
        if isinstance(o, Unknown):
            return unknown_of(node, "an object is unknown", "object")
        if not isinstance(o, dict):
            raise EvalError("shallowMerge() takes an array of objects")
        for k, v in o.items():
            _assign(out, k, v)
    return out


@fn("flatten", kind="array")
def _flatten(args, node, ctx):
    _need(args, 1, 1)
    if not isinstance(args[0], list):
        raise EvalError("flatten() takes an array of arrays")
    out = Arr()
    for v in args[0]:
        if isinstance(v, Unknown):
            return unknown_of(node, "an element is unknown", "array")
        if not isinstance(v, list):
            raise EvalError("flatten() takes an array of arrays")
        out.extend(v)
    return out


@fn("items", kind="array")
def _items(args, node, ctx):
    _need(args, 1, 1)
    obj = args[0]
    if not isinstance(obj, dict):
        raise EvalError("items() takes an object")
    return Arr(Obj((("key", k), ("value", obj[k]))) for k in sorted(obj, key=str.lower))


@fn("objectKeys", kind="array")
def _object_keys(args, node, ctx):
    _need(args, 1, 1)
    if not isinstance(args[0], dict):
        raise EvalError("objectKeys() takes an object")
    return Arr(args[0].keys())


@lazy("tryGet")
def _try_get(node: Call, ctx: EvalContext):
    args = [evaluate(a, ctx) for a in node.args]
    if len(args) < 2:
        raise EvalError("tryGet() takes an object and keys")
    value = args[0]
    for key in args[1:]:
        if isinstance(value, Unknown) or isinstance(key, Unknown):
            return unknown_of(node, "an argument is unknown")
        if value is None:
            return None
        if isinstance(value, dict) and isinstance(key, str):
            value = value.get(key)
        elif isinstance(value, list) and _is_int(key):
            value = value[key] if 0 <= key < len(value) else None
        else:
            return None
    return value


def _from_end(args) -> Any:
    _need(args, 2, 2)
    arr, i = args[0], _int(args[1])
    if not isinstance(arr, list):
        raise EvalError("expected an array")
    return arr[len(arr) - i] if 1 <= i <= len(arr) else _OUT_OF_RANGE


_OUT_OF_RANGE = object()


@fn("indexFromEnd")
def _index_from_end(args, node, ctx):
    value = _from_end(args)
    if value is _OUT_OF_RANGE:
        raise EvalError("indexFromEnd() out of range")
    return value


@fn("tryIndexFromEnd")
def _try_index_from_end(args, node, ctx):
    value = _from_end(args)
    return None if value is _OUT_OF_RANGE else value


# --- lambdas ---------------------------------------------------------------------------------

def _lambda(node: Any) -> tuple[list[str], Any]:
    if not (isinstance(node, Call) and node.name.lower() == "lambda" and node.args):
        raise EvalError("expected a lambda")
    names = []
    for a in node.args[:-1]:
        if not isinstance(a, Literal) or not isinstance(a.value, str):
            raise EvalError("lambda variable names are string literals")
        names.append(a.value)
    return names, node.args[-1]


def _apply(lam, ctx: EvalContext, values: list) -> Any:
    names, body = lam
    return evaluate(body, ctx.with_lambda(names, values[:len(names)]))


def _collection(node: Call, ctx: EvalContext, kind=list):
    if len(node.args) < 2:
        raise EvalError("expected a collection and a lambda")
    coll = evaluate(node.args[0], ctx)
    if isinstance(coll, Unknown):
        return coll
    if not isinstance(coll, kind):
        raise EvalError("wrong collection type")
    return coll


@lazy("filter")
def _filter(node: Call, ctx: EvalContext):
    coll = _collection(node, ctx)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the array is unknown", "array")
    lam = _lambda(node.args[1])
    out = Arr()
    for i, v in enumerate(coll):
        keep = _apply(lam, ctx, [v, i])
        if isinstance(keep, Unknown):
            return unknown_of(node, "the filter depends on an unknown value", "array")
        truth = as_bool(keep)
        if truth is None:
            raise EvalError("the filter lambda must return a boolean")
        if truth:
            out.append(v)
    return out


@lazy("map")
def _map(node: Call, ctx: EvalContext):
    coll = _collection(node, ctx)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the array is unknown", "array")
    lam = _lambda(node.args[1])
    return Arr(_apply(lam, ctx, [v, i]) for i, v in enumerate(coll))


@lazy("mapValues")
def _map_values(node: Call, ctx: EvalContext):
    coll = _collection(node, ctx, dict)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the object is unknown", "object")
    lam = _lambda(node.args[1])
    return Obj((k, _apply(lam, ctx, [v])) for k, v in coll.items())


@lazy("reduce")
def _reduce(node: Call, ctx: EvalContext):
    if len(node.args) != 3:
        raise EvalError("reduce() takes an array, an initial value and a lambda")
    coll = evaluate(node.args[0], ctx)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the array is unknown")
    if not isinstance(coll, list):
        raise EvalError("reduce() takes an array")
    acc = evaluate(node.args[1], ctx)
    lam = _lambda(node.args[2])
    for i, v in enumerate(coll):
        acc = _apply(lam, ctx, [acc, v, i])
    return acc


@lazy("sort")
def _sort(node: Call, ctx: EvalContext):
    coll = _collection(node, ctx)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the array is unknown", "array")
    lam = _lambda(node.args[1])

    def precedes(a, b) -> bool:
        verdict = _apply(lam, ctx, [a, b])
        truth = None if isinstance(verdict, Unknown) else as_bool(verdict)
        if truth is None:
            raise EvalError("the sort order is unknown")
        return truth

    def compare(a, b):
        if precedes(a, b):
            return -1
        return 1 if precedes(b, a) else 0

    return Arr(sorted(coll, key=functools.cmp_to_key(compare)))


@lazy("toObject")
def _to_object(node: Call, ctx: EvalContext):
    coll = _collection(node, ctx)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the array is unknown", "object")
    key_lam = _lambda(node.args[1])
    value_lam = _lambda(node.args[2]) if len(node.args) > 2 else None
    out = Obj()
    for v in coll:
        key = _apply(key_lam, ctx, [v])
        if not isinstance(key, str) or isinstance(key, Unknown):
            return unknown_of(node, "a key is unknown", "object")
        _assign(out, key, _apply(value_lam, ctx, [v]) if value_lam else v)
    return out


@lazy("groupBy")
def _group_by(node: Call, ctx: EvalContext):
    coll = _collection(node, ctx)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the array is unknown", "object")
    lam = _lambda(node.args[1])
    out = Obj()
    for v in coll:
        key = _apply(lam, ctx, [v])
        if not isinstance(key, str) or isinstance(key, Unknown):
            return unknown_of(node, "a key is unknown", "object")
        out.setdefault(key, Arr()).append(v)
    return out


@lazy("lambda")
def _bare_lambda(node: Call, ctx: EvalContext):
    raise EvalError("a lambda is only valid as an argument of filter, map, reduce, sort, "
                    "toObject, groupBy or mapValues")


# --- resource IDs ----------------------------------------------------------------------------

_SUB = "{subscriptionId}"
_RG = "{resourceGroupName}"


def _split_args(args: list, leading_max: int) -> tuple[list, str, list]:
    """Split resourceId-style arguments into leading scope values, the type and the names."""
    for i, a in enumerate(args[:leading_max + 1]):
        if isinstance(a, str) and not isinstance(a, Unknown) and "/" in a:
            return args[:i], a, args[i + 1:]
    raise EvalError("no resource type among the arguments")


def _name_text(n: Any) -> str:
    if isinstance(n, Unknown):
        return "{" + n.text + "}"
    return to_text(n)


def _type_and_names(rtype: str, names: list) -> str:
    segments = rtype.split("/")
    out = [segments[0], segments[1] if len(segments) > 1 else ""]
    for i, extra in enumerate(segments[2:]):
        out.append(_name_text(names[i]) if i < len(names) else "")
        out.append(extra)
    if len(names) >= len(segments) - 1:
        out.append(_name_text(names[len(segments) - 2]))
    return "/".join(out)


def _split_names(names: list) -> tuple:
    out: list = []
    for n in names:
        if isinstance(n, PartialString):
            out.extend(p[0] if len(p) == 1 else PartialString(p) for p in n.split("/"))
        elif isinstance(n, str) and not isinstance(n, Unknown):
            out.extend(n.split("/"))
        else:
            out.append(n)
    return tuple(out)


def _text_or(value: Any, placeholder: str) -> str:
    if isinstance(value, str) and not isinstance(value, Unknown) and not _has_placeholders(value):
        return value
    return placeholder


@fn("resourceId", unknown_ok=True)
def _resource_id(args, node, ctx):
    lead, rtype, names = _split_args(args, 2)
    names = _split_names(names)
    sub = _text_or(lead[0], _SUB) if len(lead) == 2 else _SUB
    rg = _text_or(lead[-1], _RG) if lead else _RG
    text = f"/subscriptions/{sub}/resourceGroups/{rg}/providers/{_type_and_names(rtype, list(names))}"
    return ResourceIdValue(text, rtype, names, "resourceGroup")


@fn("subscriptionResourceId", unknown_ok=True)
def _subscription_resource_id(args, node, ctx):
    lead, rtype, names = _split_args(args, 1)
    names = _split_names(names)
    sub = _text_or(lead[0], _SUB) if lead else _SUB
    text = f"/subscriptions/{sub}/providers/{_type_and_names(rtype, list(names))}"
    return ResourceIdValue(text, rtype, names, "subscription")


@fn("tenantResourceId", unknown_ok=True)
def _tenant_resource_id(args, node, ctx):
    lead, rtype, names = _split_args(args, 0)
    names = _split_names(names)
    return ResourceIdValue(f"/providers/{_type_and_names(rtype, list(names))}", rtype, names,
                           "tenant")


@fn("managementGroupResourceId", unknown_ok=True)
def _management_group_resource_id(args, node, ctx):
    lead, rtype, names = _split_args(args, 1)
    names = _split_names(names)
    mg = _text_or(lead[0], "{managementGroupName}") if lead else "{managementGroupName}"
    text = (f"/providers/Microsoft.Management/managementGroups/{mg}/providers/"
            f"{_type_and_names(rtype, list(names))}")
    return ResourceIdValue(text, rtype, names, "managementGroup")


@fn("extensionResourceId", unknown_ok=True)
def _extension_resource_id(args, node, ctx):
    _need(args, 3)
    base = args[0]
    rtype = args[1]
    if not isinstance(rtype, str) or isinstance(rtype, Unknown):
        raise EvalError("the resource type is unknown")
    names = _split_names(args[2:])
    if isinstance(base, str) and not isinstance(base, Unknown):
        base_text = base
    elif isinstance(base, Unknown):
        base_text = "{" + base.text + "}"
    else:
        raise EvalError("the base resource ID is not a string")
    return ResourceIdValue(f"{base_text}/providers/{_type_and_names(rtype, list(names))}", rtype,
                           names, "extension")


# --- dates -----------------------------------------------------------------------------------

_DURATION = re.compile(r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
                       r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


def _parse_time(text: str) -> _dt.datetime:
    value = _dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.timezone.utc)
    return value


def _iso(value: _dt.datetime) -> str:
    """A UTC time as ARM writes it: 2023-03-02T00:00:00Z, fractions only when not zero."""
    value = value.astimezone(_dt.timezone.utc)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += (".%06d" % value.microsecond).rstrip("0")
    return text + "Z"


@fn("dateTimeAdd", kind="string")
def _date_time_add(args, node, ctx):
    _need(args, 2, 3)
    if len(args) == 3:
        raise EvalError("custom date formats are not evaluated")
    base = _parse_time(_str(args[0]))
    m = _DURATION.match(_str(args[1]))
    if not m or m.group(0) in ("P", "-P") or m.group(0).endswith("T"):
        raise EvalError("not an ISO 8601 duration")
    years, months, weeks, days, hours, minutes = (int(g or 0) for g in m.groups()[1:7])
    # XML duration semantics (XmlConvert.ToTimeSpan): a year is 365 days, a month 30 days; the
    # reference shows dateTimeAdd('2023-01-31 00:00:00Z', 'P1M') as 2023-03-02T00:00:00Z.
    delta = _dt.timedelta(days=years * 365 + months * 30 + weeks * 7 + days, hours=hours,
                          minutes=minutes, seconds=float(m.group(8) or 0))
    return _iso(base - delta if m.group(1) else base + delta)


@fn("dateTimeFromEpoch", kind="string")
def _date_time_from_epoch(args, node, ctx):
    _need(args, 1, 1)
    return _iso(_EPOCH + _dt.timedelta(seconds=_int(args[0])))


@fn("dateTimeToEpoch", kind="int")
def _date_time_to_epoch(args, node, ctx):
    _need(args, 1, 1)
    return int((_parse_time(_str(args[0])) - _EPOCH).total_seconds())


# --- CIDR ------------------------------------------------------------------------------------

def _network(text: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    return ipaddress.ip_network(_str(text), strict=False)


@fn("parseCidr", kind="object")
def _parse_cidr(args, node, ctx):
    _need(args, 1, 1)
    net = _network(args[0])
    first, last = net.network_address, net.broadcast_address
    out = Obj(network=str(first), netmask=str(net.netmask))
    if net.version == 4:
        out["broadcast"] = str(last)
        if net.prefixlen >= 31:
            for field in ("firstUsable", "lastUsable"):
                out[field] = Unknown(f"parsecidr('{net}').{field.lower()}", "string",
                                     "the usable hosts of a /31 or /32 are not documented")
            out["cidr"] = net.prefixlen
            return out
        first, last = first + 1, last - 1  # the network and broadcast addresses are not usable
    # IPv6 has no broadcast: the whole range is usable (reference: fdad:3236:5555::/48).
    out["firstUsable"] = str(first)
    out["lastUsable"] = str(last)
    out["cidr"] = net.prefixlen
    return out


@fn("cidrSubnet", kind="string")
def _cidr_subnet(args, node, ctx):
    _need(args, 3, 3)
    net = _network(args[0])
    prefix, index = _int(args[1]), _int(args[2])
    if not net.prefixlen <= prefix <= net.max_prefixlen or not 0 <= index < 2 ** (prefix - net.prefixlen):
        raise EvalError("cidrSubnet() out of range")
    start = type(net.network_address)(int(net.network_address) + (index << (net.max_prefixlen - prefix)))
    return f"{start}/{prefix}"


@fn("cidrHost", kind="string")
def _cidr_host(args, node, ctx):
    _need(args, 2, 2)
    net = _network(args[0])
    index = _int(args[1])
    if net.version == 4 and net.prefixlen >= 31:
        raise EvalError("the usable hosts of a /31 or /32 are not documented")
    # Host 0 is the first address after the network address; IPv4 keeps its broadcast address.
    last_offset = net.num_addresses - (2 if net.version == 4 else 1)
    if not 0 <= index < last_offset:
        raise EvalError("cidrHost() index out of range")
    return str(net.network_address + index + 1)
