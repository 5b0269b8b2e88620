"""AL6004 secure-params-in-nested-deployment: a nested deployment whose inline template is
evaluated in the outer scope (no `expressionEvaluationOptions.scope: inner`) and reads a secure
parameter or calls a list*() function.

With the outer scope, Azure Resource Manager evaluates the nested template's expressions before
it sends the nested deployment, so the values are written into the nested deployment's template
in plain text. Secure parameters count when the nested template reads them directly or through
variables. The finding is on the deployment (its name).
"""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.ast import Call, walk
from ..model.uses import ValueUses


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    t = res.template
    nested = res.nested_template
    if nested is None or nested.scope is not t.scope or not res.deployed:
        return
    refs = nested.uses
    f = ValueUses()
    f.params = set(refs.parameters)
    f.variables = set(refs.variables)
    if any(name.startswith("list") for name in refs.functions):
        f.lists = [n.name for e in refs.expressions for n in walk(e.tree)
                   if isinstance(n, Call) and not n.namespace and
                   n.name.lower().startswith("list")][:1]
    for v in list(f.variables):
        f.merge(t.uses_of(f"[variables('{v}')]"))
    at, part = res.anchor
    name = res.symbolic_name or res.display_name
    secrets = t.secure_parameters_read(f)
    if secrets:
        many = len(secrets) > 1
        report.at_origin(at, part=part, message=(
            "Nested deployment '{deployment}' is evaluated in the outer scope and reads "
            "secure {noun} {secrets}: {whose} written in plain text into the nested "
            "deployment; set expressionEvaluationOptions.scope to 'inner' and pass them as "
            "secure parameters"), deployment=name, noun="parameters" if many else "parameter",
            secrets=", ".join(repr(s) for s in secrets),
            whose="their values are" if many else "its value is")
    if f.lists:
        report.at_origin(at, part=part, message=(
            "Nested deployment '{deployment}' is evaluated in the outer scope and calls "
            "{function}(): the secret it returns is written in plain text into the "
            "nested deployment; set expressionEvaluationOptions.scope to 'inner'"),
            deployment=name, function=f.lists[0])
