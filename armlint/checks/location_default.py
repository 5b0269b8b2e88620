"""AL2011 location-parameter-default: the `location` parameter of the linted template defaults to
a fixed region instead of `resourceGroup().location`, `deployment().location` or 'global'.

Only the template of the linted file is checked (as arm-ttk checks the main template): the
`location` parameters of nested templates and modules get their value from the caller. A default
is reported when it is a literal region, or an expression whose value is a known region and that
reads neither a parameter nor resourceGroup()/deployment(). An empty default (templates that fall
back to the resource group's location themselves) is not reported.
"""
from __future__ import annotations

from ..engine.items import ParameterContext
from ..engine.report import Report
from ..expr import parser
from ..expr.query import known_text, tree_of


def check(ctx: ParameterContext, report: Report) -> None:
    decl = ctx.declaration
    t = ctx.template
    if t is not ctx.model.root or decl.name.lower() != "location" or \
            not decl.has_field("defaultValue"):
        return
    raw = decl.field("defaultValue")
    if not isinstance(raw, str):
        return
    if tree_of(raw) is None:
        if parser.is_expression(raw):
            return  # a syntax error: another rule's finding
        value = parser.unescape_literal(raw)
    else:
        found = t.uses_of(raw)
        if found.params or {"resourcegroup", "deployment"} & found.calls:
            return
        value = decl.resolved("defaultValue")
        if not known_text(value):
            return
    if not value.strip() or value.strip().lower() == "global":
        return
    report.at_origin(decl.field_origin("defaultValue"), param=decl.name, value=value)
