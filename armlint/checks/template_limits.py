"""AL1010-AL1014: the template limits Azure Resource Manager enforces (parameters, variables,
resources, outputs) and Bicep's limit on asserts. One module serves the five rules; the rule's ID
says which limit it checks. Each template written in the file (inline nested templates included,
each a deployment with its own limits) is counted; local modules are counted when their own file
is linted."""
from __future__ import annotations

from ..engine.items import TemplateContext
from ..engine.report import Report
from ..expr.values import Origin

LIMITS = {
    "AL1010": ("parameters", 256, "parameters"),
    "AL1011": ("variables", 512, "variables"),
    "AL1012": ("resources", 800, "resources"),
    "AL1013": ("outputs", 64, "outputs"),
}
MAX_ASSERTS = 32


def check(ctx: TemplateContext, report: Report) -> None:
    template = ctx.template
    if report.rule.id == "AL1014":
        if template is ctx.model.root:
            _asserts(ctx, report)
        return
    section, limit, noun = LIMITS[report.rule.id]
    if section == "variables":
        count, first = _variable_count(template)
    elif section == "resources":
        count, first = _resource_count(template)
    else:
        decls = getattr(template, section)
        count, first = len(decls), (decls[0].origin if decls else None)
    if count <= limit or first is None:
        return
    first, part = (first, "key") if isinstance(first, Origin) else first
    where = "this nested template" if template.parent is not None else "this template"
    report.at_origin(first, part=part, count=str(count), limit=str(limit), noun=noun, where=where)


def _variable_count(template) -> tuple[int, Origin | None]:
    """Variables as ARM counts them: each entry of the `variables` object, except `copy`, whose
    elements each define one variable."""
    count, first = 0, None
    for decl in template.variables:
        if decl.name.lower() == "copy" and isinstance(decl.raw, list):
            count += sum(1 for item in decl.raw if isinstance(item, dict))
            if first is None and decl.raw:
                first = decl.origin
        else:
            count += 1
            if first is None:
                first = decl.origin
    return count, first


def _resource_count(template) -> tuple[int, Origin | None]:
    """Resources the template declares (children written inside `resources` arrays included,
    `existing` references left out), a loop counting its copies when their number is known.
    A count that is not known counts as one, so the total never overstates."""
    count, first = 0, None
    for res in template.resources:
        if res.existing:
            continue
        copies = res.copy_count if res.copy is not None else 1
        count += copies if isinstance(copies, int) and not isinstance(copies, bool) and \
            copies >= 1 else 1
        if first is None and res.parent is None:
            first = res.origin
            if not isinstance(first.pointer[-1], str):
                # an element of a resources array has no name to point at: its type instead
                type_key = res.raw.actual_key("type") if hasattr(res.raw, "actual_key") else None
                if type_key is not None:
                    first = (first.child(type_key), "value")
    return count, first


def _asserts(ctx: TemplateContext, report: Report) -> None:
    from ..bicep import syntax as S
    semantic = ctx.model.semantic
    if semantic is None:
        return
    asserts = semantic.of(S.Assert)
    if len(asserts) > MAX_ASSERTS:
        report.at_node(asserts[0].name, count=str(len(asserts)), limit=str(MAX_ASSERTS))
