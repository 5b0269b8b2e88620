"""Array and object functions: createArray, createObject, array, empty, length, contains, first,
last, take, skip, join, union (nested objects merge, nested arrays do not), intersection,
shallowMerge, flatten, items (sorted by key), objectKeys, tryGet, indexFromEnd, range.
"""
from __future__ import annotations

from ..limits import need_text
from ..ast import Call
from ..evaluate import EvalContext, EvalError, evaluate, unknown_of
from ..values import Arr, Obj, Unknown, make_string
from .args import (assign_key, deep_equal, int_arg, is_int, is_member, need, string_arg,
                   text_parts, to_text)
from .registry import fn, lazy

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


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
        out[string_arg(args[i])] = args[i + 1]
    return out


@fn("array", kind="array")
def _array(args, node, ctx):
    need(args, 1, 1)
    return args[0] if isinstance(args[0], list) else Arr([args[0]])


@fn("empty", kind="bool")
def _empty(args, node, ctx):
    need(args, 1, 1)
    v = args[0]
    if v is None:
        return True
    if isinstance(v, (str, list, dict)):
        return len(v) == 0
    raise EvalError("empty() takes a string, an array or an object")


@fn("length", kind="int")
def _length(args, node, ctx):
    need(args, 1, 1)
    v = args[0]
    if isinstance(v, str):
        return len(string_arg(v))
    if isinstance(v, (list, dict)):
        return len(v)
    raise EvalError("length() takes a string, an array or an object")


@fn("contains", kind="bool")
def _contains(args, node, ctx):
    need(args, 2, 2)
    container, value = args
    if isinstance(container, dict):
        return isinstance(value, str) and value in container  # keys: case-insensitive
    if isinstance(container, list):
        found = is_member(container, value)
        if found is None:
            raise EvalError("an unknown element decides it")
        return found
    if isinstance(container, str):
        return to_text(value) in string_arg(container)  # strings: case-sensitive
    raise EvalError("contains() takes a string, an array or an object")


def _first_or_last(args, index: int):
    need(args, 1, 1)
    v = args[0]
    if isinstance(v, str):
        v = string_arg(v)
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
    need(args, 2, 2)
    v, n = args[0], max(int_arg(args[1]), 0)
    if isinstance(v, list):
        return Arr(v[:n])
    return string_arg(v)[:n]


@fn("skip")
def _skip(args, node, ctx):
    need(args, 2, 2)
    v, n = args[0], max(int_arg(args[1]), 0)
    if isinstance(v, list):
        return Arr(v[n:])
    return string_arg(v)[n:]


@fn("join", unknown_ok=True)
def _join(args, node, ctx):
    need(args, 2, 2)
    items, delim = args
    if isinstance(items, Unknown) or isinstance(delim, Unknown):
        return unknown_of(node, "an argument is unknown", "string")
    if not isinstance(items, list):
        raise EvalError("join() takes an array")
    delim = string_arg(delim)
    need_text(sum(len(i) for i in items if isinstance(i, str)) + len(delim) * len(items),
              "join()")
    parts: list = []
    for i, item in enumerate(items):
        if i:
            parts.append(delim)
        parts.extend(text_parts(item))
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
    need(args, 1)
    if all(isinstance(a, dict) for a in args):
        out = Obj()
        for a in args:
            out = _merge(out, a)  # nested objects merge; nested arrays are replaced
        return out
    if all(isinstance(a, list) for a in args):
        out_list = Arr()
        for a in args:
            for v in a:
                present = is_member(out_list, v)
                if present is None:
                    raise EvalError("an unknown element decides it")
                if not present:
                    out_list.append(v)
        return out_list
    raise EvalError("union() takes all arrays or all objects")


@fn("intersection")
def _intersection(args, node, ctx):
    need(args, 1)
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
            found = [is_member(o, v) for o in args[1:]] + [not is_member(out_list, v)]
            if None in found:
                raise EvalError("an unknown value decides it")
            if all(found):
                out_list.append(v)
        return out_list
    raise EvalError("intersection() takes all arrays or all objects")


@fn("shallowMerge", kind="object")
def _shallow_merge(args, node, ctx):
    need(args, 1, 1)
    if not isinstance(args[0], list):
        raise EvalError("shallowMerge() takes an array of objects")
    out = Obj()
    for o in args[0]:
        if isinstance(o, Unknown):
            return unknown_of(node, "an object is unknown", "object")
        if not isinstance(o, dict):
            raise EvalError("shallowMerge() takes an array of objects")
        for k, v in o.items():
            assign_key(out, k, v)
    return out


@fn("flatten", kind="array")
def _flatten(args, node, ctx):
    need(args, 1, 1)
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
    need(args, 1, 1)
    obj = args[0]
    if not isinstance(obj, dict):
        raise EvalError("items() takes an object")
    return Arr(Obj((("key", k), ("value", obj[k]))) for k in sorted(obj, key=str.lower))


@fn("objectKeys", kind="array")
def _object_keys(args, node, ctx):
    need(args, 1, 1)
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
        elif isinstance(value, list) and is_int(key):
            value = value[key] if 0 <= key < len(value) else None
        else:
            return None
    return value


def _from_end(args) -> Any:
    need(args, 2, 2)
    arr, i = args[0], int_arg(args[1])
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


@fn("range", kind="array")
def _range(args, node, ctx):
    need(args, 2, 2)
    start, count = int_arg(args[0]), int_arg(args[1])
    if count < 0 or count > 10000 or start + count > 2147483647:
        raise EvalError("range() out of bounds")
    return Arr(range(start, start + count))

