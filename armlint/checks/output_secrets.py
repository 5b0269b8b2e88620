"""AL7001 output-contains-secret: an output that returns a secret.

Reported, as separate findings: an output whose value calls a list*() function (`listKeys()`,
`storage.listKeys()` in Bicep) or reads a secureString/secureObject parameter, directly or
through variables; and an output whose name says it holds a password (not one named like `passwordLength`, nor an
integer or boolean output). Outputs declared secure
(`secureString`/`secureObject`, `@secure()` in Bicep) are not logged and are not reported. In Bicep
the finding points at the reference inside the value; in JSON at the value.
"""
from __future__ import annotations

import re

from ..bicep import syntax as S
from ..engine.run import Hit
from .common import bicep_nodes
from ._params_util import SECURE_TYPES, variable_facts, decl_type, facts, field, field_origin, \
    is_bicep, is_secure, own_templates, parameters_of, secure_names, secure_parameters_read, \
    strings_in, words, ABOUT_SECRET

_PASSWORD = re.compile(r"password|passwd|pwd", re.IGNORECASE)
_SECRET_VARIABLE = "_pu_secret_variables"


def check(ctx, rule):
    for t in own_templates(ctx["model"]):
        statements = _bicep_outputs(t)
        for decl in t.outputs:
            if decl_type(decl) in SECURE_TYPES:
                continue
            st = statements.get(decl.name)
            if st is not None and st.decorator("secure") is not None:
                continue
            if _PASSWORD.search(decl.name) and decl_type(decl) not in ("int", "bool") and \
                    words(decl.name)[-1] not in ABOUT_SECRET:
                at = (t.origin.doc, st.name.start, st.name.end) if st is not None else decl.origin
                yield Hit(at=at, part="key", message=(
                    "Output '{output}' is named like a password; outputs are kept in the "
                    "deployment history in plain text: do not return secrets (declare the output "
                    "secure if it must)"), bind={"output": decl.name})
            written = {k: field(decl, k) for k in ("value", "copy") if field(decl, k) is not None}
            if not written or not _may_hold_secret(t, written):
                continue
            f = facts(t, written)
            secrets = secure_parameters_read(t, f)
            key = "value" if "value" in written else "copy"
            if f.lists:
                yield Hit(at=_at(t, decl, st, key, "list"), message=(
                    "Output '{output}' returns the result of {function}(), a secret, in "
                    "plain text in the deployment history; read it where it is needed instead "
                    "(or declare the output secure)"),
                    bind={"output": decl.name, "function": f.lists[0]})
            if secrets:
                yield Hit(at=_at(t, decl, st, key, "param"), message=(
                    "Output '{output}' returns secure parameter {secrets} in plain text in the "
                    "deployment history; do not return secrets (or declare the output secure)"),
                    bind={"output": decl.name, "secrets": ", ".join(repr(s) for s in secrets)})


def _may_hold_secret(t, written) -> bool:
    """A cheap test before the expressions are read: the value mentions a list function, a secure
    parameter's name, or a variable while some variable of the template reads a secret."""
    text = " ".join(x for x in strings_in(written) if x[:1] == "[").lower()
    if not text:
        return False
    if "list" in text:
        return True
    secure = secure_names(t)
    if secure and any(f"'{name}'" in text for name in secure):
        return True
    if "variables" in text:
        flag = getattr(t, _SECRET_VARIABLE, None)
        if flag is None:
            flag = any(f.lists or f.params & secure for f in variable_facts(t).values())
            setattr(t, _SECRET_VARIABLE, flag)
        return flag
    return False


def _bicep_outputs(t) -> dict:
    if t.parent is not None or not is_bicep(t):
        return {}
    return {st.name.name: st for st in t.origin.doc.tree.statements if isinstance(st, S.Output)}


def _at(t, decl, st, key, kind):
    """In Bicep, the reference that carries the secret (else the whole value); in JSON the value
    (a copy loop's input)."""
    if st is None:
        origin = field_origin(decl, key)
        loop = field(decl, key)
        if key == "copy" and isinstance(loop, dict) and loop.actual_key("input") is not None:
            origin = origin.child(loop.actual_key("input"))
        return origin
    params = parameters_of(t)
    variables = variable_facts(t)
    for node in bicep_nodes(st.value):
        if kind == "list" and isinstance(node, S.Call) and node.name.name.lower().startswith("list"):
            return (t.origin.doc, node.start, node.end)
        if kind == "param" and isinstance(node, S.Variable):
            low = node.name.lower()
            if low in params and is_secure(params[low]):
                return (t.origin.doc, node.start, node.end)
            f = variables.get(low)
            if f is not None and any(p in params and is_secure(params[p]) for p in f.params):
                return (t.origin.doc, node.start, node.end)
        if kind == "list" and isinstance(node, S.Variable):
            f = variables.get(node.name.lower())
            if f is not None and f.lists:
                return (t.origin.doc, node.start, node.end)
    return (t.origin.doc, st.value.start, st.value.end)
