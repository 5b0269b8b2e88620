"""AL8003 unused-type: a user-defined type (`type x = ...`) that the file never refers to.

A type is used when its name appears in any type position (a parameter, output, variable or
function type, another type, its own recursive definition). Types marked `@export()` are meant
for other files and are not reported. The finding is on the type name."""
from __future__ import annotations

from ..engine.items import BicepNodeContext
from ..engine.report import Report


def check(ctx: BicepNodeContext, report: Report) -> None:
    decl = ctx.node
    name = decl.name.name
    if decl.decorator("export") is None and not ctx.semantic.used(name):
        report.at_node(decl.name, symbol=name)
