"""AL2003 secure-parameter-default: a secureString or secureObject parameter whose default value
is written into the template.

Allowed, as both peers allow them: an empty string, an empty object, null, and a default that
calls newGuid() (a fresh value on every deployment, which nobody can read from the template).
A literal default with no text in it (`{"enabled": false}`, `0`) holds no secret either: only
defaults with a non-empty string, or built by an expression, are reported.
"""
from __future__ import annotations

from ..engine.run import Hit
from ._params_util import declaring_templates, direct_facts, field, field_origin, has_field, \
    is_secure, strings_in


def check(ctx, rule):
    for t in declaring_templates(ctx["model"]):
        for decl in t.parameters:
            if not is_secure(decl) or not has_field(decl, "defaultValue"):
                continue
            default = field(decl, "defaultValue")
            if default is None or default == "" or (isinstance(default, dict) and not default):
                continue
            if not any(text for text in strings_in(default)):
                continue  # nothing in it could be a secret
            if "newguid" in direct_facts(default).calls:
                continue
            yield Hit(at=field_origin(decl, "defaultValue"), bind={"param": decl.name})
