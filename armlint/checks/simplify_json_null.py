"""AL8007 simplify-json-null: `json('null')` where Bicep has the `null` literal.

As the Bicep linter: a call to `json` (or `sys.json`) with one argument that is a string literal
whose text, without surrounding whitespace, is `null`."""
from __future__ import annotations

from ..engine.items import BicepNodeContext
from ..engine.report import Report


def check(ctx: BicepNodeContext, report: Report) -> None:
    from ..bicep import syntax as S
    from ..bicep.semantic import is_sys_call
    call = ctx.node
    if is_sys_call(call, "json") and len(call.args) == 1:
        arg = call.args[0]
        if isinstance(arg, S.String) and arg.value is not None and arg.value.strip() == "null":
            report.at_node(call, written=ctx.source(call))
