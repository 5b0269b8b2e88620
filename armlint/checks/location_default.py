"""AL2011 location-parameter-default: the `location` parameter of the linted template defaults to
a fixed region instead of `resourceGroup().location`, `deployment().location` or 'global'.

Only the template of the linted file is checked (as arm-ttk checks the main template): the
`location` parameters of nested templates and modules get their value from the caller. A default
is reported when it is a literal region, or an expression whose value is a known region and that
reads neither a parameter nor resourceGroup()/deployment(). An empty default (templates that fall
back to the resource group's location themselves) is not reported.
"""
from __future__ import annotations

from ..engine.run import Hit
from ..expr import parser
from ._params_util import facts, field, field_origin, has_field, known_text, resolve_field, \
    tree_of


def check(ctx, rule):
    t = ctx["model"].root
    if t is None:
        return
    for decl in t.parameters:
        if decl.name.lower() != "location" or not has_field(decl, "defaultValue"):
            continue
        raw = field(decl, "defaultValue")
        if not isinstance(raw, str):
            continue
        if tree_of(raw) is None:
            if parser.is_expression(raw):
                continue  # a syntax error: another rule's finding
            value = parser.unescape_literal(raw)
        else:
            f = facts(t, raw)
            if f.params or {"resourcegroup", "deployment"} & f.calls:
                continue
            value = resolve_field(t, decl, "defaultValue")
            if not known_text(value):
                continue
        if not value.strip() or value.strip().lower() == "global":
            continue
        yield Hit(at=field_origin(decl, "defaultValue"), bind={"param": decl.name, "value": value})
