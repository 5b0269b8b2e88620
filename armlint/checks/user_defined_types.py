"""AL8012 use-user-defined-types: the loose types `object` and `array` written in a declaration.

As the Bicep linter: every type position that names `object` or `array` directly (parameters,
outputs, typed variables, user-defined types, function signatures). Qualified `sys.object` and
`sys.array` are not reported, as in the Bicep linter. Off by default, like the Bicep rule."""
from __future__ import annotations

from ..engine.items import BicepNodeContext
from ..engine.report import Report

LOOSE = ("object", "array")


def check(ctx: BicepNodeContext, report: Report) -> None:
    ref = ctx.node
    if ref.name in LOOSE:
        symbol = ctx.semantic.symbols.get(ref.name)
        if symbol is None or symbol.kind != "type":
            report.at_node(ref, type=ref.name)
