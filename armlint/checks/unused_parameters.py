"""AL2001 unused-parameter: a parameter no expression of its template reads.

A use is any `parameters('name')` in the template (in any casing): in resources, variables,
outputs, another parameter's default, and the values passed to nested deployments, but not inside
an inner-scoped nested template, whose `parameters()` are its own. Each inner-scoped nested
template is checked against its own expressions. When a template computes parameter names
(`parameters(concat('sku', ...))`), the names that computed name may produce count as used.
Names starting with `__` are skipped, as arm-ttk does.

In ARM JSON the template's own text is searched first (a regular expression, no parsing); the
parsed references are read only when the text cannot tell. In a Bicep file, a use is any
reference to the symbol in the syntax tree, as the Bicep compiler resolves it.
"""
from __future__ import annotations

from ..engine.items import ParameterContext
from ..engine.report import Report


def check(ctx: ParameterContext, report: Report) -> None:
    decl = ctx.declaration
    if not decl.name.startswith("__") and ctx.template.uses.is_unread("parameters", decl.name):
        report.at_origin(decl.origin, part="key", param=decl.name)
