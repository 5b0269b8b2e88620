"""AL2002 unused-variable: a variable no expression of its template reads.

Counts `variables('name')` anywhere in the template (other variables included), as
unused-parameter counts parameters, searching the template's own text first and reading the
parsed references only when the text cannot tell. Variables declared by the `copy` array of the
variables section are checked one by one, reported at their `name`. Computed names
(`variables(concat('size', ...))`) count for every variable they may produce. In Bicep, a use is
any reference to the symbol in the syntax tree, and a variable with `@export()` is used by the
files that import it.
"""
from __future__ import annotations

from ..engine.items import VariableContext
from ..engine.report import Report


def check(ctx: VariableContext, report: Report) -> None:
    uses = ctx.template.uses
    for name, _, name_origin, part in ctx.declaration.variable_entries:
        if uses.is_unread("variables", name):
            report.at_origin(name_origin, part=part, var=name)
