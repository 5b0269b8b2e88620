"""AL8006 use-safe-access: `contains(obj, 'key') ? obj.key : fallback` where Bicep's safe access
operator says the same thing: `obj.?key ?? fallback`.

As the Bicep linter's first check: a ternary whose condition is a call to `contains` (or
`sys.contains`) with two arguments, whose true branch accesses a property or index of exactly the
first argument (compared as syntax, ignoring layout), with exactly the second argument
(`obj.key` for the literal 'key', `obj[k]` for the expression k). The Bicep linter's second
check, which needs the type checker to know that a property may be null, is not made."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._bicep_util import at, facts, is_sys_call, same_syntax

MAX_SUGGESTION = 100


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    text = f.doc.text
    for t in f.of(S.Ternary):
        cond = t.condition
        if not (isinstance(cond, S.Call) and is_sys_call(cond, "contains") and
                len(cond.args) == 2):
            continue
        target, key = cond.args
        access = t.if_true
        if isinstance(access, S.PropertyAccess):
            if not (isinstance(key, S.String) and key.value is not None and
                    key.value == access.name.name):
                continue
            safe = f"{_src(text, access.base)}.?{access.name.name}"
        elif isinstance(access, S.IndexAccess) and not access.from_end:
            if not same_syntax(access.index, key):
                continue
            safe = f"{_src(text, access.base)}[?{_src(text, access.index)}]"
        else:
            continue
        if not same_syntax(access.base, target):
            continue
        fallback = _src(text, t.if_false)
        if isinstance(t.if_false, S.Ternary):  # the only operator looser than `??`
            fallback = f"({fallback})"
        suggestion = f"{safe} ?? {fallback}"
        hint = f": {suggestion}" if len(suggestion) <= MAX_SUGGESTION and "\n" not in suggestion \
            else ""
        yield Hit(at=at(f.doc, t), bind={"suggestion": hint})


def _src(text: str, node) -> str:
    return text[node.start:node.end].strip()
