"""The ARM template functions armlint evaluates, by name (lower-case).

Owns: `FUNCTIONS` (functions whose arguments are evaluated first) and `LAZY_FUNCTIONS` (those that
decide what to evaluate: `if`, `and`, `or`, the lambda functions, `copyIndex`, `parameters`...).
Semantics follow the ARM template functions reference (string comparisons in `startsWith`,
`endsWith`, `indexOf` ignore case; `equals`, `contains` and `replace` on strings do not; `union`
merges nested objects). Anything that depends on the deployment returns `Unknown`; any Unknown
argument makes the result Unknown, except where a known answer does not depend on it
(`and(false, x)`, `or(true, x)`, `if` with a known condition, strings built from partly unknown
parts, which become a `PartialString`).
"""
from __future__ import annotations

import base64
import datetime as _dt
import ipaddress
import json as _json
import re
import urllib.parse
from typing import Any

from .ast import Call, Literal
from .evaluate import EvalContext, EvalError, evaluate, unknown_of
from .values import (Arr, Obj, PartialString, ResourceIdValue, Unknown, as_bool, literal_value,
                     make_string)
from . import uniquestring

FUNCTIONS: dict = {}
LAZY_FUNCTIONS: dict = {}


def fn(*names: str, unknown_ok: bool = False):
    """Register a function; unless `unknown_ok`, an Unknown argument makes the result Unknown."""
    def register(func):
        def wrapper(args, node, ctx):
            if not unknown_ok:
                for a in args:
                    if isinstance(a, Unknown):
                        return unknown_of(node, "an argument is unknown")
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


def _str(x) -> str:
    if not isinstance(x, str):
        raise EvalError("expected a string")
    return x


def _int(x) -> int:
    if not _is_int(x):
        raise EvalError("expected an integer")
    return x


def to_text(value: Any) -> str:
    """ARM's string() of a known value."""
    if isinstance(value, str):
        return value
    if value is True:
        return "True"
    if value is False:
        return "False"
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    return _json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


def deep_equal(a: Any, b: Any) -> bool | None:
    """Equality as ARM's equals(); None when an Unknown decides it."""
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
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
            return unknown_of(node, "an argument is unknown")
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


for _kind in ("resourceGroup", "subscription", "tenant", "managementGroup", "deployment",
              "deployer", "environment"):
    def _scope_fn(args, node, ctx, _k=_kind.lower()):
        return ctx.scope.deployment.scope_object(_k)
    FUNCTIONS[_kind.lower()] = _scope_fn


def _runtime(args, node, ctx):
    return unknown_of(node, f"{node.name}() is only known at deployment")


for _name in ("reference", "references", "utcNow", "newGuid", "pickZones", "providers",
              "toLogicalZone", "toLogicalZones", "toPhysicalZone", "toPhysicalZones"):
    FUNCTIONS[_name.lower()] = _runtime


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


@lazy("and")
def _and(node: Call, ctx: EvalContext):
    unknown = False
    for a in node.args:
        v = evaluate(a, ctx)
        if isinstance(v, Unknown):
            unknown = True
            continue
        b = as_bool(v)
        if b is None:
            raise EvalError("and() takes booleans")
        if not b:
            return False
    return unknown_of(node, "an argument is unknown") if unknown else True


@lazy("or")
def _or(node: Call, ctx: EvalContext):
    unknown = False
    for a in node.args:
        v = evaluate(a, ctx)
        if isinstance(v, Unknown):
            unknown = True
            continue
        b = as_bool(v)
        if b is None:
            raise EvalError("or() takes booleans")
        if b:
            return True
    return unknown_of(node, "an argument is unknown") if unknown else False


@fn("not")
def _not(args, node, ctx):
    _need(args, 1, 1)
    b = as_bool(args[0])
    if b is None:
        raise EvalError("not() takes a boolean")
    return not b


@fn("bool")
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
        if isinstance(v, Unknown):
            return unknown_of(node, "an argument before the first non-null value is unknown")
        if v is not None:
            return v
    return None


@fn("equals", unknown_ok=True)
def _equals(args, node, ctx):
    _need(args, 2, 2)
    eq = deep_equal(args[0], args[1])
    return unknown_of(node, "an argument is unknown") if eq is None else eq


def _ordered(args):
    _need(args, 2, 2)
    a, b = args
    if _is_int(a) and _is_int(b) or isinstance(a, float) or isinstance(b, float):
        return a, b
    if isinstance(a, str) and isinstance(b, str):
        return a, b
    raise EvalError("comparisons take two numbers or two strings")


@fn("less")
def _less(args, node, ctx):
    a, b = _ordered(args)
    return a < b


@fn("lessOrEquals")
def _less_eq(args, node, ctx):
    a, b = _ordered(args)
    return a <= b


@fn("greater")
def _greater(args, node, ctx):
    a, b = _ordered(args)
    return a > b


@fn("greaterOrEquals")
def _greater_eq(args, node, ctx):
    a, b = _ordered(args)
    return a >= b


# --- numeric ---------------------------------------------------------------------------------

def _trunc_div(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


@fn("add")
def _add(args, node, ctx):
    _need(args, 2, 2)
    return _int(args[0]) + _int(args[1])


@fn("sub")
def _sub(args, node, ctx):
    _need(args, 2, 2)
    return _int(args[0]) - _int(args[1])


@fn("mul")
def _mul(args, node, ctx):
    _need(args, 2, 2)
    return _int(args[0]) * _int(args[1])


@fn("div")
def _div(args, node, ctx):
    _need(args, 2, 2)
    return _trunc_div(_int(args[0]), _int(args[1]))


@fn("mod")
def _mod(args, node, ctx):
    _need(args, 2, 2)
    a, b = _int(args[0]), _int(args[1])
    return a - b * _trunc_div(a, b)


@fn("int")
def _to_int(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if _is_int(v):
        return v
    if isinstance(v, float):
        return int(v)
    if isinstance(v, str):
        return int(v.strip())
    raise EvalError("int() takes a string or a number")


@fn("float")
def _to_float(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, bool):
        raise EvalError("float() takes a string or a number")
    return float(v)


def _numbers(args) -> list:
    values = args[0] if len(args) == 1 and isinstance(args[0], list) else args
    if not values or any(isinstance(v, Unknown) for v in values):
        raise EvalError("min/max take numbers")
    return [_int(v) if not isinstance(v, float) else v for v in values]


@fn("max")
def _max(args, node, ctx):
    return max(_numbers(args))


@fn("min")
def _min(args, node, ctx):
    return min(_numbers(args))


@fn("range")
def _range(args, node, ctx):
    _need(args, 2, 2)
    start, count = _int(args[0]), _int(args[1])
    if count < 0 or count > 10000:
        raise EvalError("range count out of bounds")
    return Arr(range(start, start + count))


# --- strings ---------------------------------------------------------------------------------

def _text_parts(value: Any) -> list:
    if isinstance(value, PartialString):
        return list(value.parts)
    if isinstance(value, Unknown):
        return [value]
    if isinstance(value, (dict, list)):
        raise EvalError("expected a string")
    return [to_text(value)]


@fn("concat", unknown_ok=True)
def _concat(args, node, ctx):
    if args and all(isinstance(a, list) or (isinstance(a, Unknown) and a.kind == "array")
                    for a in args):
        if any(isinstance(a, Unknown) for a in args):
            return unknown_of(node, "an argument is unknown", "array")
        out = Arr()
        for a in args:
            out.extend(a)
        return out
    if any(isinstance(a, list) for a in args):
        if any(isinstance(a, Unknown) for a in args):
            return unknown_of(node, "an argument is unknown", "array")
        raise EvalError("concat() takes all arrays or all strings")
    parts: list = []
    for a in args:
        parts.extend(_text_parts(a))
    return make_string(parts)


_FORMAT_ITEM = re.compile(r"\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}")


def _format_one(value: Any, spec: str | None) -> Any:
    if isinstance(value, Unknown):
        return value
    if spec and _is_int(value):
        kind, digits = spec[:1].upper(), spec[1:]
        if kind == "D":
            return str(value).zfill(int(digits or 0)) if value >= 0 else \
                "-" + str(-value).zfill(int(digits or 0))
        if kind == "N":
            return f"{value:,.{int(digits or 2)}f}"
        if kind == "X":
            return format(value, ("X" if spec[0] == "X" else "x")).zfill(int(digits or 0))
        if kind == "P":
            return f"{value * 100:,.{int(digits or 2)}f} %"
        raise EvalError("unsupported numeric format")
    if spec and not isinstance(value, (int, float)):
        raise EvalError("a format specifier on a non-number")
    return to_text(value)


@fn("format", unknown_ok=True)
def _format(args, node, ctx):
    _need(args, 1)
    fmt = args[0]
    if isinstance(fmt, Unknown):
        return unknown_of(node, "the format string is unknown")
    fmt = _str(fmt)
    parts: list = []
    pos = 0
    for m in _FORMAT_ITEM.finditer(fmt):
        parts.append(fmt[pos:m.start()].replace("}}", "}"))
        token = m.group()
        if token == "{{":
            parts.append("{")
        elif token == "}}":
            parts.append("}")
        else:
            i = int(m.group(1))
            if i + 1 >= len(args):
                raise EvalError("format() index out of range")
            value = _format_one(args[i + 1], m.group(3))
            if isinstance(value, Unknown):
                parts.extend(_text_parts(value))
            else:
                width = int(m.group(2)) if m.group(2) else 0
                parts.append(value.rjust(width) if width > 0 else value.ljust(-width))
        pos = m.end()
    parts.append(fmt[pos:])
    return make_string(parts)


@fn("string")
def _string(args, node, ctx):
    _need(args, 1, 1)
    return to_text(args[0])


def _case_map(args, node, method: str):
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, PartialString):
        return PartialString(tuple(getattr(p, method)() if isinstance(p, str) else
                                   Unknown(f"{method}({p.text})", p.kind, p.reason)
                                   for p in v.parts))
    if isinstance(v, Unknown):
        return unknown_of(node, "the argument is unknown", v.kind)
    return getattr(_str(v), method)()


FUNCTIONS["tolower"] = lambda args, node, ctx: _case_map(args, node, "lower")
FUNCTIONS["toupper"] = lambda args, node, ctx: _case_map(args, node, "upper")


@fn("trim")
def _trim(args, node, ctx):
    _need(args, 1, 1)
    return _str(args[0]).strip()


@fn("replace")
def _replace(args, node, ctx):
    _need(args, 3, 3)
    return _str(args[0]).replace(_str(args[1]), _str(args[2]))


@fn("split")
def _split(args, node, ctx):
    _need(args, 2, 2)
    text, delims = _str(args[0]), args[1]
    if isinstance(delims, str):
        delims = [delims]
    if not isinstance(delims, list) or not all(isinstance(d, str) and d for d in delims):
        raise EvalError("split() takes a delimiter string or an array of them")
    pattern = "|".join(re.escape(d) for d in delims)
    return Arr(re.split(pattern, text))


@fn("substring")
def _substring(args, node, ctx):
    _need(args, 2, 3)
    text, start = _str(args[0]), _int(args[1])
    length = _int(args[2]) if len(args) == 3 else len(text) - start
    if start < 0 or length < 0 or start + length > len(text):
        raise EvalError("substring() out of range")
    return text[start:start + length]


@fn("startsWith")
def _starts_with(args, node, ctx):
    _need(args, 2, 2)
    return _str(args[0]).lower().startswith(_str(args[1]).lower())


@fn("endsWith")
def _ends_with(args, node, ctx):
    _need(args, 2, 2)
    return _str(args[0]).lower().endswith(_str(args[1]).lower())


@fn("indexOf")
def _index_of(args, node, ctx):
    _need(args, 2, 2)
    hay, needle = args
    if isinstance(hay, list):
        for i, v in enumerate(hay):
            if deep_equal(v, needle):
                return i
        return -1
    return _str(hay).lower().find(_str(needle).lower())


@fn("lastIndexOf")
def _last_index_of(args, node, ctx):
    _need(args, 2, 2)
    hay, needle = args
    if isinstance(hay, list):
        for i in range(len(hay) - 1, -1, -1):
            if deep_equal(hay[i], needle):
                return i
        return -1
    return _str(hay).lower().rfind(_str(needle).lower())


@fn("padLeft")
def _pad_left(args, node, ctx):
    _need(args, 2, 3)
    value = args[0]
    text = str(value) if _is_int(value) else _str(value)
    width = _int(args[1])
    pad = _str(args[2]) if len(args) == 3 else " "
    if len(pad) != 1:
        raise EvalError("padLeft() pads with one character")
    return text.rjust(width, pad)


@fn("base64")
def _base64(args, node, ctx):
    _need(args, 1, 1)
    return base64.b64encode(_str(args[0]).encode("utf-8")).decode("ascii")


@fn("base64ToString")
def _base64_to_string(args, node, ctx):
    _need(args, 1, 1)
    return base64.b64decode(_str(args[0]), validate=True).decode("utf-8")


@fn("base64ToJson")
def _base64_to_json(args, node, ctx):
    _need(args, 1, 1)
    return literal_value(_json.loads(base64.b64decode(_str(args[0]), validate=True).decode("utf-8")))


@fn("dataUri")
def _data_uri(args, node, ctx):
    _need(args, 1, 1)
    encoded = base64.b64encode(_str(args[0]).encode("utf-8")).decode("ascii")
    return "data:text/plain;charset=utf8;base64," + encoded


@fn("dataUriToString")
def _data_uri_to_string(args, node, ctx):
    _need(args, 1, 1)
    header, _, data = _str(args[0]).partition(",")
    if not header.startswith("data:"):
        raise EvalError("not a data URI")
    if header.endswith(";base64"):
        return base64.b64decode(data).decode("utf-8")
    return urllib.parse.unquote(data)


@fn("uri")
def _uri(args, node, ctx):
    _need(args, 2, 2)
    return urllib.parse.urljoin(_str(args[0]), _str(args[1]))


@fn("uriComponent")
def _uri_component(args, node, ctx):
    _need(args, 1, 1)
    return urllib.parse.quote(_str(args[0]), safe="-_.~")


@fn("uriComponentToString")
def _uri_component_to_string(args, node, ctx):
    _need(args, 1, 1)
    return urllib.parse.unquote(_str(args[0]))


@fn("json")
def _json_fn(args, node, ctx):
    _need(args, 1, 1)
    return literal_value(_json.loads(_str(args[0])))


@fn("uniqueString", unknown_ok=True)
def _unique_string(args, node, ctx):
    _need(args, 1)
    if any(isinstance(a, Unknown) for a in args) or not all(isinstance(a, str) for a in args):
        return unknown_of(node, "uniqueString() of values known only at deployment", "string")
    return uniquestring.unique_string(*args)


@fn("guid", unknown_ok=True)
def _guid(args, node, ctx):
    # The algorithm is not published; a stable opaque value compares equal to itself.
    return unknown_of(node, "guid() is opaque to armlint", "string")


# --- arrays and objects ----------------------------------------------------------------------

@fn("createArray")
def _create_array(args, node, ctx):
    return Arr(args)


@fn("createObject")
def _create_object(args, node, ctx):
    if len(args) % 2:
        raise EvalError("createObject() takes key/value pairs")
    out = Obj()
    for i in range(0, len(args), 2):
        out[_str(args[i])] = args[i + 1]
    return out


@fn("array")
def _array(args, node, ctx):
    _need(args, 1, 1)
    return args[0] if isinstance(args[0], list) else Arr([args[0]])


@fn("empty")
def _empty(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    return v is None or (isinstance(v, (str, list, dict)) and len(v) == 0)


@fn("length")
def _length(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, (str, list, dict)):
        return len(v)
    raise EvalError("length() takes a string, an array or an object")


@fn("contains")
def _contains(args, node, ctx):
    _need(args, 2, 2)
    container, value = args
    if isinstance(container, dict):
        return isinstance(value, str) and value in container
    if isinstance(container, list):
        return any(deep_equal(v, value) for v in container)
    if isinstance(container, str):
        return to_text(value) in container
    raise EvalError("contains() takes a string, an array or an object")


@fn("first")
def _first(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, (str, list)):
        return v[0] if v else ("" if isinstance(v, str) else None)
    raise EvalError("first() takes a string or an array")


@fn("last")
def _last(args, node, ctx):
    _need(args, 1, 1)
    v = args[0]
    if isinstance(v, (str, list)):
        return v[-1] if v else ("" if isinstance(v, str) else None)
    raise EvalError("last() takes a string or an array")


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


@fn("join")
def _join(args, node, ctx):
    _need(args, 2, 2)
    items, delim = args[0], _str(args[1])
    if not isinstance(items, list):
        raise EvalError("join() takes an array")
    return delim.join(to_text(i) for i in items)


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
            out = _merge(out, a)
        return out
    if all(isinstance(a, list) for a in args):
        out_list = Arr()
        for a in args:
            for v in a:
                if not any(deep_equal(v, w) for w in out_list):
                    out_list.append(v)
        return out_list
    raise EvalError("union() takes all arrays or all objects")


@fn("intersection")
def _intersection(args, node, ctx):
    _need(args, 1)
    if all(isinstance(a, dict) for a in args):
        first = args[0]
        return Obj((k, v) for k, v in first.items()
                   if all(k in o and deep_equal(o[k], v) for o in args[1:]))
    if all(isinstance(a, list) for a in args):
        out = Arr()
        for v in args[0]:
            if all(any(deep_equal(v, w) for w in o) for o in args[1:]) and \
                    not any(deep_equal(v, w) for w in out):
                out.append(v)
        return out
    raise EvalError("intersection() takes all arrays or all objects")


@fn("shallowMerge")
def _shallow_merge(args, node, ctx):
    _need(args, 1, 1)
    if not isinstance(args[0], list):
        raise EvalError("shallowMerge() takes an array of objects")
    out = Obj()
    for o in args[0]:
        if not isinstance(o, dict):
            raise EvalError("shallowMerge() takes an array of objects")
        out.update(o)
    return out


@fn("flatten")
def _flatten(args, node, ctx):
    _need(args, 1, 1)
    out = Arr()
    for v in args[0]:
        if not isinstance(v, list):
            raise EvalError("flatten() takes an array of arrays")
        out.extend(v)
    return out


@fn("items")
def _items(args, node, ctx):
    _need(args, 1, 1)
    obj = args[0]
    if not isinstance(obj, dict):
        raise EvalError("items() takes an object")
    return Arr(Obj((("key", k), ("value", obj[k]))) for k in sorted(obj, key=str.lower))


@fn("objectKeys")
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


@fn("indexFromEnd")
def _index_from_end(args, node, ctx):
    _need(args, 2, 2)
    arr, i = args[0], _int(args[1])
    if not isinstance(arr, list) or not 1 <= i <= len(arr):
        raise EvalError("indexFromEnd() out of range")
    return arr[len(arr) - i]


@fn("tryIndexFromEnd")
def _try_index_from_end(args, node, ctx):
    _need(args, 2, 2)
    arr, i = args[0], _int(args[1])
    if not isinstance(arr, list) or not 1 <= i <= len(arr):
        return None
    return arr[len(arr) - i]


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
        if as_bool(keep):
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
    acc = evaluate(node.args[1], ctx)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the array is unknown")
    if not isinstance(coll, list):
        raise EvalError("reduce() takes an array")
    lam = _lambda(node.args[2])
    for i, v in enumerate(coll):
        acc = _apply(lam, ctx, [acc, v, i])
    return acc


@lazy("sort")
def _sort(node: Call, ctx: EvalContext):
    import functools
    coll = _collection(node, ctx)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the array is unknown", "array")
    lam = _lambda(node.args[1])

    def compare(a, b):
        lt = _apply(lam, ctx, [a, b])
        if isinstance(lt, Unknown):
            raise EvalError("the sort order is unknown")
        if as_bool(lt):
            return -1
        gt = _apply(lam, ctx, [b, a])
        return 1 if as_bool(gt) else 0

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
        out[key] = _apply(value_lam, ctx, [v]) if value_lam else v
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


def _id_parts(args: list, leading_max: int) -> tuple[list, str, list]:
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
    return value if isinstance(value, str) and not isinstance(value, Unknown) else placeholder


@fn("resourceId", unknown_ok=True)
def _resource_id(args, node, ctx):
    lead, rtype, names = _id_parts(args, 2)
    names = _split_names(names)
    sub = _text_or(lead[0], _SUB) if len(lead) == 2 else _SUB
    rg = _text_or(lead[-1], _RG) if lead else _RG
    text = f"/subscriptions/{sub}/resourceGroups/{rg}/providers/{_type_and_names(rtype, list(names))}"
    return ResourceIdValue(text, rtype, names, "resourceGroup")


@fn("subscriptionResourceId", unknown_ok=True)
def _subscription_resource_id(args, node, ctx):
    lead, rtype, names = _id_parts(args, 1)
    names = _split_names(names)
    sub = _text_or(lead[0], _SUB) if lead else _SUB
    text = f"/subscriptions/{sub}/providers/{_type_and_names(rtype, list(names))}"
    return ResourceIdValue(text, rtype, names, "subscription")


@fn("tenantResourceId", unknown_ok=True)
def _tenant_resource_id(args, node, ctx):
    lead, rtype, names = _id_parts(args, 0)
    names = _split_names(names)
    return ResourceIdValue(f"/providers/{_type_and_names(rtype, list(names))}", rtype, names,
                           "tenant")


@fn("managementGroupResourceId", unknown_ok=True)
def _management_group_resource_id(args, node, ctx):
    lead, rtype, names = _id_parts(args, 1)
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
    base_text = base if isinstance(base, str) and not isinstance(base, Unknown) else \
        "{" + getattr(base, "text", "") + "}"
    return ResourceIdValue(f"{base_text}/providers/{_type_and_names(rtype, list(names))}", rtype,
                           names, "extension")


# --- dates and CIDR --------------------------------------------------------------------------

_DURATION = re.compile(r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
                       r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def _parse_time(text: str) -> _dt.datetime:
    value = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.timezone.utc)
    return value


def _iso(value: _dt.datetime) -> str:
    return value.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@fn("dateTimeAdd")
def _date_time_add(args, node, ctx):
    _need(args, 2, 3)
    base = _parse_time(_str(args[0]))
    m = _DURATION.match(_str(args[1]))
    if not m:
        raise EvalError("not an ISO 8601 duration")
    sign = -1 if m.group(1) else 1
    years, months, weeks, days, hours, minutes = (int(g or 0) for g in m.groups()[1:7])
    seconds = float(m.group(8) or 0)
    month_index = base.month - 1 + sign * (years * 12 + months)
    year = base.year + month_index // 12
    month = month_index % 12 + 1
    import calendar
    day = min(base.day, calendar.monthrange(year, month)[1])
    shifted = base.replace(year=year, month=month, day=day)
    shifted += sign * _dt.timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes,
                                    seconds=seconds)
    if len(args) == 3:
        raise EvalError("custom date formats are not evaluated")
    return _iso(shifted)


@fn("dateTimeFromEpoch")
def _date_time_from_epoch(args, node, ctx):
    _need(args, 1, 1)
    return _iso(_dt.datetime.fromtimestamp(_int(args[0]), _dt.timezone.utc))


@fn("dateTimeToEpoch")
def _date_time_to_epoch(args, node, ctx):
    _need(args, 1, 1)
    return int(_parse_time(_str(args[0])).timestamp())


@fn("parseCidr")
def _parse_cidr(args, node, ctx):
    _need(args, 1, 1)
    net = ipaddress.ip_network(_str(args[0]), strict=False)
    hosts = list(net.hosts()) if net.num_addresses <= 4 else None
    first = hosts[0] if hosts else (net.network_address + 1 if net.num_addresses > 2
                                    else net.network_address)
    last = hosts[-1] if hosts else (net.broadcast_address - 1 if net.num_addresses > 2
                                    else net.broadcast_address)
    out = Obj(network=str(net.network_address), netmask=str(net.netmask), cidr=net.prefixlen,
              firstUsable=str(first), lastUsable=str(last))
    if net.version == 4:
        out["broadcast"] = str(net.broadcast_address)
    return out


@fn("cidrSubnet")
def _cidr_subnet(args, node, ctx):
    _need(args, 3, 3)
    net = ipaddress.ip_network(_str(args[0]), strict=False)
    prefix, index = _int(args[1]), _int(args[2])
    subnets = net.subnets(new_prefix=prefix)
    for i, sub in enumerate(subnets):
        if i == index:
            return str(sub)
    raise EvalError("cidrSubnet() index out of range")


@fn("cidrHost")
def _cidr_host(args, node, ctx):
    _need(args, 2, 2)
    net = ipaddress.ip_network(_str(args[0]), strict=False)
    index = _int(args[1])
    offset = index + (1 if net.version == 4 and net.prefixlen < 31 else 0)
    if net.version == 6:
        offset = index + 1
    if offset >= net.num_addresses:
        raise EvalError("cidrHost() index out of range")
    return str(net.network_address + offset)
