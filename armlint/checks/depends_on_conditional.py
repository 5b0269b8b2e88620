"""AL4007 depends-on-conditional: a dependsOn entry that uses if()."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.query import call_name


def check(ctx: ResourceContext, report: Report) -> None:
    for origin, text, tree in ctx.resource.depends_on_expressions:
        if any(call_name(n) == "if" for n in walk(tree)):
            report.at_origin(origin)
