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

from ..bicep import syntax as S
from ..engine.run import Hit
from ..expr.ast import walk
from ..model.template import Template
from ._params_util import direct_facts, field, has_field, is_bicep, is_location_of_deployment, \
    own_templates, resource_anchor, strings_in, tree_of


def check(ctx, rule):
    model = ctx["model"]
    for t in own_templates(model):
        modules = _module_statements(t)
        for res in t.resources:
            inner = res.nested_template
            if inner is None or inner.scope is t.scope or not res.deployed:
                continue
            wanted = location_parameters(inner)
            if not wanted:
                continue
            st = modules.get(res.symbolic_name) if res.symbolic_name else None
            if st is not None:
                yield from _bicep_call(st, t.origin.doc, wanted)
                continue
            props = res.raw.get("properties")
            passed = props.get("parameters") if isinstance(props, dict) else None
            if passed is not None and not isinstance(passed, dict):
                continue
            for name in wanted:
                if passed is None or name not in passed:
                    if passed is not None:
                        at = res.origin.child(res.raw.actual_key("properties")).child(
                            props.actual_key("parameters"))
                        part = "key"
                    else:
                        at, part = resource_anchor(res)
                    what = "Module" if inner.origin.doc is not t.origin.doc else \
                        "Nested deployment"
                    yield Hit(at=at, part=part,
                              bind={"what": what, "module": _label(res), "param": name})


def _bicep_call(st, doc, wanted):
    body = st.object
    params = body.get("params") if body is not None else None
    if params is not None and (not isinstance(params.value, S.Object) or
                               any(isinstance(i, S.Spread) for i in params.value.items)):
        return
    passed = {p.name for p in params.value.properties} if params is not None else set()
    for name in wanted:
        if name not in passed:
            at = (doc, params.key.start, params.key.end) if params is not None else \
                (doc, st.name.start, st.name.end)
            yield Hit(at=at, bind={"what": "Module", "module": st.name.name, "param": name})


def _module_statements(t: Template) -> dict:
    if t.parent is not None or not is_bicep(t):
        return {}
    return {st.name.name: st for st in t.origin.doc.tree.statements if isinstance(st, S.Module)}


def _label(res) -> str:
    return res.symbolic_name or res.display_name


def location_parameters(inner: Template) -> list[str]:
    """The location parameters of a nested or module template, in declaration order."""
    cached = getattr(inner, "_pu_location_params", None)
    if cached is not None:
        return cached
    with_default = [d for d in inner.parameters if has_field(d, "defaultValue")]
    in_locations: set[str] = set()
    if with_default:
        for res in inner.resources:
            if "location" in res.raw:
                in_locations |= direct_facts(res.raw.get("location")).params
    found = [d.name for d in with_default
             if d.name.lower() in in_locations or reads_deployment_location(field(d, "defaultValue"))]
    inner._pu_location_params = found
    return found


def reads_deployment_location(raw) -> bool:
    for text in strings_in(raw):
        tree = tree_of(text)
        if tree is not None and any(is_location_of_deployment(n) for n in walk(tree)):
            return True
    return False


def is_deployment_location(node) -> bool:
    """`resourceGroup().location` or `deployment().location` (also with `az.`) in Bicep."""
    if not (isinstance(node, S.PropertyAccess) and node.name.name.lower() == "location"):
        return False
    call = node.base
    return isinstance(call, S.Call) and call.name.name in ("resourceGroup", "deployment") and \
        (call.base is None or (isinstance(call.base, S.Variable) and call.base.name == "az"))
