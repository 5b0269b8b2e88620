"""AL3008 what-if-short-circuiting: a nested deployment or module gets a parameter value that is
known only while the deployment runs (it reads `reference()`, `list*()`, a resource's runtime
properties or another module's outputs), and its template uses that parameter in a resource's
name, condition, scope, subscription, resource group or API version. What-if cannot evaluate
those before deploying, so it stops predicting the changes of that resource."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.query import call_name, literal_text
from ..model.uses import trace

_FIELDS = ("name", "condition", "scope", "subscriptionId", "resourceGroup", "apiVersion")


def _runtime(node) -> bool:
    name = call_name(node)
    return name is not None and (name in ("reference", "references") or name.startswith("list"))


def _uses(names: dict):
    def test(node) -> bool:
        if call_name(node) != "parameters" or not node.args:
            return False
        ref = literal_text(node.args[0])
        return ref is not None and ref.lower() in names
    return test


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    inner = res.nested_template
    if not res.deployed or inner is None or inner.scope is res.template.scope:
        return
    props = res.raw.get("properties")
    params = props.get("parameters") if isinstance(props, dict) else None
    if not isinstance(params, dict):
        return
    runtime = {}
    for pname, entry in params.items():
        if isinstance(entry, dict) and "value" in entry and \
                trace(res.template, entry["value"], _runtime) is not None:
            runtime[pname.lower()] = pname
    if not runtime:
        return
    reported = set()
    for inner_res in inner.resources:
        for field in _FIELDS:
            if field not in inner_res.raw:
                continue
            found = trace(inner, inner_res.raw[field], _uses(runtime))
            if found is None:
                continue
            pname = runtime[literal_text(found[0].args[0]).lower()]
            if pname in reported:
                continue
            reported.add(pname)
            report.at_origin(res.origin_of("properties", "parameters", pname, "value"),
                             param=pname, deployment=res.symbolic_name or res.display_name,
                             field=field, resource=f"'{inner_res.symbolic_name}'"
                             if inner_res.symbolic_name else f"a {inner_res.type}")
