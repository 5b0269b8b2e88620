"""AL4006 depends-on-best-practices: a dependsOn entry that is an expression starting with if()
or with concat() (unless the concat() uses copyIndex(), to name one copy of a loop)."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.query import call_name


def check(ctx: ResourceContext, report: Report) -> None:
    for origin, text, tree in ctx.resource.depends_on_expressions:
        first = call_name(tree)
        if first == "if":
            report.at_origin(origin, message=(
                "This dependsOn entry starts with if(): a dependency cannot be conditional; "
                "depend on the resource itself (a dependency on a resource whose condition "
                "is false is ignored)"))
        elif first == "concat" and not any(call_name(n) == "copyindex" for n in walk(tree)):
            report.at_origin(origin, message=(
                "This dependsOn entry builds a name with concat(); use resourceId() with the "
                "resource type and name, so the dependency is not ambiguous"))
