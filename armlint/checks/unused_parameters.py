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

from ..engine.run import Hit
from ..model.references import template_references
from ._params_util import bicep_used_symbols, declaring_templates, dynamic_names, unread_by_text


def check(ctx, rule):
    for t in declaring_templates(ctx["model"]):
        candidates = [d for d in t.parameters if not d.name.startswith("__")]
        if not candidates:
            continue
        for decl in unused(t, candidates):
            yield Hit(at=decl.origin, part="key", bind={"param": decl.name})


def unused(t, candidates):
    symbols = bicep_used_symbols(t)
    if symbols is not None:
        return [d for d in candidates if d.name.lower() not in symbols]
    unread = unread_by_text(t, [d.name for d in candidates], "parameters")
    if unread is not None:
        unread = {n.lower() for n in unread}
        return [d for d in candidates if d.name.lower() in unread]
    computed = dynamic_names(t, "parameters")
    if computed is None:
        return []  # a computed name that could be anything
    exact, prefixes = computed
    used = template_references(t).parameters
    return [d for d in candidates if not used.get(d.name.lower()) and d.name.lower() not in exact
            and not any(d.name.lower().startswith(p) for p in prefixes)]
