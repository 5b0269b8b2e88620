"""AL8007 simplify-json-null: `json('null')` where Bicep has the `null` literal.

As the Bicep linter: a call to `json` (or `sys.json`) with one argument that is a string literal
whose text, without surrounding whitespace, is `null`."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._bicep_util import at, facts, is_sys_call


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    for call in f.of(S.Call):
        if is_sys_call(call, "json") and len(call.args) == 1:
            arg = call.args[0]
            if isinstance(arg, S.String) and arg.value is not None and arg.value.strip() == "null":
                yield Hit(at=at(f.doc, call), bind={"written": f.doc.text[call.start:call.end]})
