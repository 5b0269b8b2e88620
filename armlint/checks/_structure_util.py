"""Helpers the template-structure rules (AL1002-AL1017) share: the templates a file wrote itself,
the template limit checks, and Bicep decorator lookups.

Owns nothing a rule decides; only facts several of those rules need, written once.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..engine.run import Hit
from ..expr.values import Origin


def own_templates(model) -> list:
    """The templates written in the linted file itself: the root and its inline nested templates,
    not the templates of local Bicep or JSON modules (those files are linted on their own)."""
    if model is None or model.root is None:
        return []
    doc = model.root.origin.doc
    return [t for t in model.templates if t.origin.doc is doc]


def section_origin(template, section: str) -> Origin | None:
    key = template.raw.actual_key(section) if hasattr(template.raw, "actual_key") else None
    return template.origin.child(key) if key is not None else None


# --- template limits (ARM: 256 parameters, 512 variables, 800 resources, 64 outputs) -------------

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


def limit_hits(model, section: str, limit: int, noun: str) -> Iterator[Hit]:
    """A finding at the first declaration of each own template whose `section` holds more than
    `limit` entries (parameters, variables, outputs or resources)."""
    for template in own_templates(model):
        if section == "variables":
            count, first = _variable_count(template)
        elif section == "resources":
            count, first = _resource_count(template)
        else:
            decls = getattr(template, section)
            count, first = len(decls), (decls[0].origin if decls else None)
        if count <= limit or first is None:
            continue
        first, part = (first, "key") if isinstance(first, Origin) else first
        where = "this nested template" if template.parent is not None else "this template"
        yield Hit(at=first, part=part, bind={
            "count": str(count), "limit": str(limit), "noun": noun, "where": where})


# --- Bicep ---------------------------------------------------------------------------------

def sys_decorator(statement: Any, name: str) -> Any:
    """The decorator `@name(...)` or `@sys.name(...)` of a Bicep declaration (or type property),
    or None. Another namespace's decorator of the same name does not count."""
    for dec in getattr(statement, "decorators", None) or ():
        if dec.name == name and dec.namespace in (None, "sys"):
            return dec
    return None


def bicep_path_of(doc: Any):
    """The file path of a document when it is known (Bicep documents know it)."""
    return getattr(doc, "path", None)
