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

from ..bicep import syntax as S
from ..engine.run import Hit
from ..model.references import template_references
from ._params_util import bicep_used_symbols, declaring_templates, dynamic_names, is_bicep, \
    unread_by_text, variable_declarations


def check(ctx, rule):
    for t in declaring_templates(ctx["model"]):
        declared = variable_declarations(t)
        if not declared:
            continue
        for name, _, name_origin, part in unused(t, declared):
            yield Hit(at=name_origin, part=part, bind={"var": name})


def unused(t, declared):
    symbols = bicep_used_symbols(t)
    if symbols is not None:
        exported = _exported(t)
        return [v for v in declared if v[0].lower() not in symbols and v[0].lower() not in exported]
    unread = unread_by_text(t, [v[0] for v in declared], "variables")
    if unread is not None:
        unread = {n.lower() for n in unread}
        return [v for v in declared if v[0].lower() in unread]
    computed = dynamic_names(t, "variables")
    if computed is None:
        return []
    exact, prefixes = computed
    used = template_references(t).variables
    return [v for v in declared if not used.get(v[0].lower()) and v[0].lower() not in exact
            and not any(v[0].lower().startswith(p) for p in prefixes)]


def _exported(t) -> set[str]:
    if t.parent is not None or not is_bicep(t):
        return set()
    return {st.name.name.lower() for st in t.origin.doc.tree.statements
            if isinstance(st, S.Var) and st.decorator("export") is not None}
