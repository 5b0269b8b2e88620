"""AL2003 secure-parameter-default: a secureString or secureObject parameter whose default value
is written into the template.

Allowed, as both peers allow them: an empty string, an empty object, null, and a default that
calls newGuid() (a fresh value on every deployment, which nobody can read from the template).
A literal default with no text in it (`{"enabled": false}`, `0`) holds no secret either: only
defaults with a non-empty string, or built by an expression, are reported.
"""
from __future__ import annotations

from ..engine.items import ParameterContext
from ..engine.report import Report
from ..model.uses import strings_in, value_uses


def check(ctx: ParameterContext, report: Report) -> None:
    decl = ctx.declaration
    if not decl.secure or not decl.has_field("defaultValue"):
        return
    default = decl.field("defaultValue")
    if default is None or default == "" or (isinstance(default, dict) and not default):
        return
    if not any(text for text in strings_in(default)):
        return  # nothing in it could be a secret
    if "newguid" in value_uses(default).calls:
        return
    report.at_origin(decl.field_origin("defaultValue"), param=decl.name)
