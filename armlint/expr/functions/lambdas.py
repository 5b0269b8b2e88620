"""Lambda functions: filter, map, mapValues, reduce, sort, toObject, groupBy, lambdaVariables.
"""
from __future__ import annotations

import functools

from ..limits import bounded
from ..ast import Call, Literal
from ..evaluate import EvalContext, EvalError, evaluate, unknown_of
from ..values import Arr, Obj, Unknown, as_bool
from .args import assign_key
from .registry import lazy

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


@lazy("lambdavariables")
def _lambda_variables(node: Call, ctx: EvalContext):
    name = evaluate(node.args[0], ctx) if node.args else None
    if isinstance(name, str) and name.lower() in ctx.lambdas:
        return ctx.lambdas[name.lower()]
    return unknown_of(node, "not inside a lambda")


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
    return Arr(bounded((_apply(lam, ctx, [v, i]) for i, v in enumerate(coll)), "map()"))


@lazy("mapValues")
def _map_values(node: Call, ctx: EvalContext):
    coll = _collection(node, ctx, dict)
    if isinstance(coll, Unknown):
        return unknown_of(node, "the object is unknown", "object")
    lam = _lambda(node.args[1])
    values = bounded((_apply(lam, ctx, [v]) for v in coll.values()), "mapValues()")
    return Obj(zip(coll.keys(), values))


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
    for v in bounded(coll, "toObject()"):
        key = _apply(key_lam, ctx, [v])
        if not isinstance(key, str) or isinstance(key, Unknown):
            return unknown_of(node, "a key is unknown", "object")
        assign_key(out, key, _apply(value_lam, ctx, [v]) if value_lam else v)
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

