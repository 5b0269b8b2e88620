"""AL7001 output-contains-secret: an output that returns a secret.

Reported, as separate findings: an output whose value calls a list*() function (`listKeys()`,
`storage.listKeys()` in Bicep) or reads a secureString/secureObject parameter, directly or
through variables; and an output whose name says it holds a password (not one named like
`passwordLength`, nor an integer or boolean output). Outputs declared secure
(`secureString`/`secureObject`, `@secure()` in Bicep) are not logged and are not reported. In Bicep
the finding points at the reference inside the value; in JSON at the value.
"""
from __future__ import annotations

import re

from ..engine.items import OutputContext
from ..engine.report import Report
from ..model.template import SECURE_TYPES
from ..model.uses import strings_in
from ._secret_names import ABOUT_SECRET, words
from ..source.lazy import pattern

_PASSWORD = pattern(r"password|passwd|pwd", re.IGNORECASE)


def check(ctx: OutputContext, report: Report) -> None:
    decl = ctx.declaration
    t = ctx.template
    if decl.declared_type in SECURE_TYPES:
        return
    st = decl.bicep_statement
    if st is not None and st.decorator("secure") is not None:
        return
    if _PASSWORD.search(decl.name) and decl.declared_type not in ("int", "bool") and \
            words(decl.name)[-1] not in ABOUT_SECRET:
        message = ("Output '{output}' is named like a password; outputs are kept in the "
                   "deployment history in plain text: do not return secrets (declare the output "
                   "secure if it must)")
        if st is not None:
            report.at_node(st.name, message=message, output=decl.name)
        else:
            report.at_origin(decl.origin, part="key", message=message, output=decl.name)
    written = {k: decl.field(k) for k in ("value", "copy") if decl.field(k) is not None}
    if not written or not _may_hold_secret(t, written):
        return
    f = t.uses_of(written)
    secrets = t.secure_parameters_read(f)
    key = "value" if "value" in written else "copy"
    if f.lists:
        _report(report, t, decl, st, key, "list", message=(
            "Output '{output}' returns the result of {function}(), a secret, in "
            "plain text in the deployment history; read it where it is needed instead "
            "(or declare the output secure)"), output=decl.name, function=f.lists[0])
    if secrets:
        _report(report, t, decl, st, key, "param", message=(
            "Output '{output}' returns secure parameter {secrets} in plain text in the "
            "deployment history; do not return secrets (or declare the output secure)"),
            output=decl.name, secrets=", ".join(repr(s) for s in secrets))


def _may_hold_secret(t, written) -> bool:
    """A cheap test before the expressions are read: the value mentions a list function, a secure
    parameter's name, or a variable while some variable of the template reads a secret."""
    text = " ".join(x for x in strings_in(written) if x[:1] == "[").lower()
    if not text:
        return False
    if "list" in text:
        return True
    secure = t.secure_parameter_names
    if secure and any(f"'{name}'" in text for name in secure):
        return True
    if "variables" in text:
        return t.owner.uses.variables_hold_secrets
    return False


def _report(report: Report, t, decl, st, key, kind, **values) -> None:
    """In Bicep at the reference that carries the secret (else the whole value); in JSON at the
    value (a copy loop's input)."""
    if st is None:
        origin = decl.field_origin(key)
        loop = decl.field(key)
        if key == "copy" and isinstance(loop, dict) and loop.actual_key("input") is not None:
            origin = origin.child(loop.actual_key("input"))
        report.at_origin(origin, **values)
        return
    from ..bicep import syntax as S
    from ..bicep.semantic import walk
    params = t.parameters_seen
    variables = t.owner.uses.variable_closure
    for node in walk(st.value):
        if kind == "list" and isinstance(node, S.Call) and \
                node.name.name.lower().startswith("list"):
            report.at_node(node, **values)
            return
        if kind == "param" and isinstance(node, S.Variable):
            low = node.name.lower()
            if low in params and params[low].secure:
                report.at_node(node, **values)
                return
            f = variables.get(low)
            if f is not None and any(p in params and params[p].secure for p in f.params):
                report.at_node(node, **values)
                return
        if kind == "list" and isinstance(node, S.Variable):
            f = variables.get(node.name.lower())
            if f is not None and f.lists:
                report.at_node(node, **values)
                return
    report.at_node(st.value, **values)
