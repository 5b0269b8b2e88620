"""Numeric functions: add, sub, mul, div, mod (.NET integer semantics), int, float, min, max.
"""
from __future__ import annotations

from ..evaluate import EvalError
from .args import int_arg, is_int, need, string_arg
from .registry import fn


def _trunc_div(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


@fn("add", kind="int")
def _add(args, node, ctx):
    need(args, 2, 2)
    return int_arg(args[0]) + int_arg(args[1])


@fn("sub", kind="int")
def _sub(args, node, ctx):
    need(args, 2, 2)
    return int_arg(args[0]) - int_arg(args[1])


@fn("mul", kind="int")
def _mul(args, node, ctx):
    need(args, 2, 2)
    return int_arg(args[0]) * int_arg(args[1])


@fn("div", kind="int")
def _div(args, node, ctx):
    need(args, 2, 2)
    return _trunc_div(int_arg(args[0]), int_arg(args[1]))


@fn("mod", kind="int")
def _mod(args, node, ctx):
    need(args, 2, 2)
    a, b = int_arg(args[0]), int_arg(args[1])
    return a - b * _trunc_div(a, b)  # .NET %: the sign of the dividend


@fn("int", kind="int")
def _to_int(args, node, ctx):
    need(args, 1, 1)
    v = args[0]
    if is_int(v):
        return v
    if isinstance(v, float):
        return int(v)
    if isinstance(v, str):
        return int(string_arg(v).strip())
    raise EvalError("int() takes a string or a number")


@fn("float", kind="float")
def _to_float(args, node, ctx):
    need(args, 1, 1)
    v = args[0]
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise EvalError("float() takes a string or a number")
    return float(string_arg(v) if isinstance(v, str) else v)


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

