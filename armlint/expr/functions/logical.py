"""Logical and comparison functions: true/false/null, if, and, or, not, bool, coalesce, equals,
less/greater (strings compared the .NET culture way: 'a' < 'A' < 'b').
"""
from __future__ import annotations


from ..ast import Call
from ..evaluate import EvalContext, EvalError, evaluate, unknown_of
from ..values import PartialString, Unknown, as_bool
from .args import deep_equal, is_int, need, string_arg
from .registry import fn, lazy
from ...source.lazy import pattern


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
    need(args, 1, 1)
    b = as_bool(args[0])
    if b is None:
        raise EvalError("not() takes a boolean")
    return not b


@fn("bool", kind="bool")
def _bool(args, node, ctx):
    need(args, 1, 1)
    v = args[0]
    if is_int(v):
        return v != 0
    b = as_bool(v)
    if b is None:
        raise EvalError("bool() takes 'true', 'false', a boolean or a number")
    return b



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
    need(args, 2, 2)
    # Case-sensitive: Bicep lowers its case-insensitive `=~` to equals(toLower(a), toLower(b)).
    eq = deep_equal(args[0], args[1])
    return unknown_of(node, "an argument is unknown", "bool") if eq is None else eq


_CULTURE_SAFE = pattern(r"[A-Za-z0-9 ]*\Z")


def _culture_key(s: str) -> tuple:
    """Order of .NET culture-aware comparison, exact for letters, digits and spaces: letters
    compare ignoring case first, then lower case sorts before upper case ('demo' < 'Demo')."""
    if not _CULTURE_SAFE.match(s):
        raise EvalError("the order of these characters is culture-specific")
    return s.lower(), tuple(c.isupper() for c in s)


def _ordered(args) -> tuple:
    need(args, 2, 2)
    a, b = args
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        return a, b
    if isinstance(a, str) and isinstance(b, str):
        a, b = string_arg(a), string_arg(b)
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

