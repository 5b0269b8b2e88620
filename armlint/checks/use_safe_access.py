"""AL8006 use-safe-access: `contains(obj, 'key') ? obj.key : fallback` where Bicep's safe access
operator says the same thing: `obj.?key ?? fallback`.

As the Bicep linter's first check: a ternary whose condition is a call to `contains` (or
`sys.contains`) with two arguments, whose true branch accesses a property or index of exactly the
first argument (compared as syntax, ignoring layout), with exactly the second argument
(`obj.key` for the literal 'key', `obj[k]` for the expression k). The Bicep linter's second
check, which needs the type checker to know that a property may be null, is not made."""
from __future__ import annotations

from ..bicep import syntax as S
from ..bicep.semantic import is_sys_call, same_syntax
from ..engine.items import BicepNodeContext
from ..engine.report import Report

MAX_SUGGESTION = 100


def check(ctx: BicepNodeContext, report: Report) -> None:
    t = ctx.node
    cond = t.condition
    if not (isinstance(cond, S.Call) and is_sys_call(cond, "contains") and len(cond.args) == 2):
        return
    target, key = cond.args
    access = t.if_true
    if isinstance(access, S.PropertyAccess):
        if not (isinstance(key, S.String) and key.value is not None and
                key.value == access.name.name):
            return
        safe = f"{_src(ctx, access.base)}.?{access.name.name}"
    elif isinstance(access, S.IndexAccess) and not access.from_end:
        if not same_syntax(access.index, key):
            return
        safe = f"{_src(ctx, access.base)}[?{_src(ctx, access.index)}]"
    else:
        return
    if not same_syntax(access.base, target):
        return
    fallback = _src(ctx, t.if_false)
    if isinstance(t.if_false, S.Ternary):  # the only operator looser than `??`
        fallback = f"({fallback})"
    suggestion = f"{safe} ?? {fallback}"
    hint = f": {suggestion}" if len(suggestion) <= MAX_SUGGESTION and "\n" not in suggestion \
        else ""
    report.at_node(t, suggestion=hint)


def _src(ctx: BicepNodeContext, node) -> str:
    return ctx.source(node).strip()
