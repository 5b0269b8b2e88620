"""AL6004 secure-params-in-nested-deployment: a nested deployment whose inline template is
evaluated in the outer scope (no `expressionEvaluationOptions.scope: inner`) and reads a secure
parameter or calls a list*() function.

With the outer scope, Azure Resource Manager evaluates the nested template's expressions before
it sends the nested deployment, so the values are written into the nested deployment's template
in plain text. Secure parameters count when the nested template reads them directly or through
variables. The finding is on the deployment (its name).
"""
from __future__ import annotations

from ..engine.run import Hit
from ..expr.ast import Call, walk
from ..model.references import template_references
from ._params_util import Facts, facts, own_templates, resource_anchor, secure_parameters_read


def check(ctx, rule):
    for t in own_templates(ctx["model"]):
        for res in t.resources:
            nested = res.nested_template
            if nested is None or nested.scope is not t.scope or not res.deployed:
                continue
            refs = template_references(nested)
            f = Facts()
            f.params = set(refs.parameters)
            f.variables = set(refs.variables)
            if any(name.startswith("list") for name in refs.functions):
                f.lists = [n.name for _, _, tree in refs.expressions for n in walk(tree)
                           if isinstance(n, Call) and not n.namespace and
                           n.name.lower().startswith("list")][:1]
            for v in list(f.variables):
                f.merge(facts(t, f"[variables('{v}')]"))
            at, part = resource_anchor(res)
            name = res.symbolic_name or res.display_name
            secrets = secure_parameters_read(t, f)
            if secrets:
                many = len(secrets) > 1
                yield Hit(at=at, part=part, message=(
                    "Nested deployment '{deployment}' is evaluated in the outer scope and reads "
                    "secure {noun} {secrets}: {whose} written in plain text into the nested "
                    "deployment; set expressionEvaluationOptions.scope to 'inner' and pass them as "
                    "secure parameters"), bind={
                    "deployment": name, "noun": "parameters" if many else "parameter",
                    "secrets": ", ".join(repr(s) for s in secrets),
                    "whose": "their values are" if many else "its value is"})
            if f.lists:
                yield Hit(at=at, part=part, message=(
                    "Nested deployment '{deployment}' is evaluated in the outer scope and calls "
                    "{function}(): the secret it returns is written in plain text into the "
                    "nested deployment; set expressionEvaluationOptions.scope to 'inner'"),
                    bind={"deployment": name, "function": f.lists[0]})
