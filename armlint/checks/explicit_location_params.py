"""AL2012 explicit-values-for-location-params: a module call (or an inner-scoped nested
deployment) that leaves a location parameter of its template to the default.

A template's location parameters are, as the Bicep linter defines them, its parameters whose
default reads `resourceGroup().location` or `deployment().location`, and its parameters with a
default that one of its resources uses in `location`. Local module files are read (registry
modules are not fetched); a call whose `params` is not written as an object (a variable, a
spread) is not judged. In Bicep the finding is on the module's `params` key (its name when there
is none); in JSON on the deployment's `parameters` (its name when there are none).
"""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.query import is_deployment_location, tree_of
from ..model.template import Template
from ..model.uses import strings_in, value_uses


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    t = res.template
    inner = res.nested_template
    if inner is None or inner.scope is t.scope or not res.deployed:
        return
    wanted = location_parameters(inner)
    if not wanted:
        return
    semantic = t.semantic
    symbol = semantic.symbols.get(res.symbolic_name) if semantic and res.symbolic_name else None
    if symbol is not None and symbol.kind == "module":
        _bicep_call(symbol.node, wanted, report)
        return
    props = res.raw.get("properties")
    passed = props.get("parameters") if isinstance(props, dict) else None
    if passed is not None and not isinstance(passed, dict):
        return
    for name in wanted:
        if passed is None or name not in passed:
            if passed is not None:
                at, part = res.origin_of("properties", "parameters"), "key"
            else:
                at, part = res.anchor
            what = "Module" if inner.origin.doc is not t.origin.doc else "Nested deployment"
            report.at_origin(at, part=part, what=what,
                             module=res.symbolic_name or res.display_name, param=name)


def _bicep_call(st, wanted, report: Report) -> None:
    from ..bicep import syntax as S
    body = st.object
    params = body.get("params") if body is not None else None
    if params is not None and (not isinstance(params.value, S.Object) or
                               any(isinstance(i, S.Spread) for i in params.value.items)):
        return
    passed = {p.name for p in params.value.properties} if params is not None else set()
    for name in wanted:
        if name not in passed:
            report.at_node(params.key if params is not None else st.name, what="Module",
                           module=st.name.name, param=name)


def location_parameters(inner: Template) -> list[str]:
    """The location parameters of a nested or module template, in declaration order: those
    with a default that a resource location reads or that default to the deployment's."""
    with_default = [d for d in inner.parameters if d.has_field("defaultValue")]
    in_locations: set[str] = set()
    if with_default:
        for res in inner.resources:
            if "location" in res.raw:
                in_locations |= value_uses(res.raw.get("location")).params
    return [d.name for d in with_default
            if d.name.lower() in in_locations or
            reads_deployment_location(d.field("defaultValue"))]


def reads_deployment_location(raw) -> bool:
    for text in strings_in(raw):
        tree = tree_of(text)
        if tree is not None and any(is_deployment_location(n) for n in walk(tree)):
            return True
    return False
