"""AL5009 vm-size-not-parameter: a `vmSize` whose value is written in the template instead of
coming from a parameter.

Every property named `vmSize` (any casing) in the resources that have one (virtual machines, AKS
node pools, Batch and HDInsight compute, ...) and every parameter named `vmSize` passed to a
nested deployment or Bicep module is read as written. It is fine when the expression uses
`parameters()`, directly or through the variables it reads (followed to their declarations, as
arm-ttk expands them). It is reported when it does not and its evaluated value is known: a literal
size, or a variable that holds one. A value computed at deployment (`reference()`, a module
output) is neither.
"""
from __future__ import annotations

from typing import Any

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.ast import Call, Literal, walk as walk_expr
from ..expr.query import known_text, tree_of
from ..expr.values import Unknown
from ..model.views import resource_view

DEPLOYMENTS = "microsoft.resources/deployments"
# Resource types with a `vmSize` property (scale sets size their VMs with `sku.name`).
TYPES = frozenset(t.lower() for t in (
    "Microsoft.Compute/virtualMachines",
    "Microsoft.Compute/virtualMachineScaleSets/virtualMachines",
    "Microsoft.ContainerService/managedClusters",
    "Microsoft.ContainerService/managedClusters/agentPools",
    "Microsoft.Batch/batchAccounts/pools",
    "Microsoft.HDInsight/clusters",
    "Microsoft.MachineLearningServices/workspaces/computes",
    "Microsoft.ServiceFabric/managedClusters/nodeTypes",
    "Microsoft.RedHatOpenShift/openShiftClusters",
    "Microsoft.AzureStackHCI/virtualMachineInstances",
    DEPLOYMENTS,
))
LABELS = {
    "microsoft.compute/virtualmachines": "virtual machine",
    "microsoft.compute/virtualmachinescalesets/virtualmachines": "scale set instance",
    "microsoft.containerservice/managedclusters": "AKS cluster",
    "microsoft.containerservice/managedclusters/agentpools": "node pool",
    "microsoft.batch/batchaccounts/pools": "Batch pool",
    "microsoft.hdinsight/clusters": "HDInsight cluster",
    "microsoft.machinelearningservices/workspaces/computes": "compute",
    "microsoft.servicefabric/managedclusters/nodetypes": "node type",
    "microsoft.redhatopenshift/openshiftclusters": "OpenShift cluster",
    "microsoft.azurestackhci/virtualmachineinstances": "virtual machine",
    DEPLOYMENTS: "deployment",
}


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    sizes = _vm_sizes(res)
    if not sizes or not res.deployed:
        return
    variables = {name: d.raw for name, d in res.template.owner.variables_by_name.items()}
    for keys, raw in sizes:
        via = _parameter_free(raw, variables, set())
        if via is None:
            continue
        value = _resolved(res, keys)
        if not known_text(value):
            continue
        where = f"{_label(res)} '{_shown_name(res)}'"
        if res.type_key == DEPLOYMENTS:
            where = f"The vmSize parameter passed to {where}"
        else:
            where = f"The vmSize of {where}"
        if via:
            detail = f"{where} is '{value}' from variable '{via}', which no parameter sets"
        else:
            detail = f"{where} is '{value}', written in the template"
        report.at_origin(res.origin_of(*keys), detail=detail)


def _label(res) -> str:
    if res.type_key == DEPLOYMENTS and getattr(res.origin.doc, "tree", None) is not None:
        return "module"
    return LABELS.get(res.type_key, "resource")


def _shown_name(res) -> str:
    """The resource's name when it is known, else its symbolic name (a Bicep symbol), else the
    name as written."""
    name = res.name
    if isinstance(name, str) and not isinstance(name, Unknown) or not res.symbolic_name:
        return res.display_name
    return res.symbolic_name


def _vm_sizes(res) -> list[tuple[tuple, Any]]:
    """(keys from the resource object, raw value) of every vmSize the resource sets."""
    raw = res.raw
    if res.type_key == DEPLOYMENTS:
        props = raw.get("properties")
        params = props.get("parameters") if isinstance(props, dict) else None
        if not isinstance(params, dict):
            return []
        pkey = props.actual_key("parameters") if hasattr(props, "actual_key") else "parameters"
        pkey = pkey or "parameters"
        out = []
        for key, entry in params.items():
            if key.lower() == "vmsize" and isinstance(entry, dict):
                vkey = _key(entry, "value")
                if vkey is not None:
                    out.append((("properties", pkey, key, vkey), entry[vkey]))
        return out
    out = []
    stack = [((), raw)]
    while stack:
        keys, node = stack.pop()
        if isinstance(node, dict):
            for key, child in node.items():
                if not keys and key.lower() == "resources":
                    continue  # child resources are resources of their own
                if key.lower() == "vmsize" and not isinstance(child, (dict, list)):
                    out.append((keys + (key,), child))
                elif isinstance(child, (dict, list)):
                    stack.append((keys + (key,), child))
        elif isinstance(node, list):
            stack.extend((keys + (i,), child) for i, child in enumerate(node))
    return out


def _key(obj: dict, name: str) -> str | None:
    if hasattr(obj, "actual_key"):
        return obj.actual_key(name)
    return name if name in obj else None


def _parameter_free(raw: Any, variables: dict, seen: set) -> str | None:
    """None when the value uses a parameter (or cannot be judged); otherwise "" for a value
    written as is, or the name of the variable the value comes from."""
    if isinstance(raw, (dict, list)):
        items = raw.values() if isinstance(raw, dict) else raw
        for item in items:
            if _parameter_free(item, variables, seen) is None:
                return None
        return ""
    if not isinstance(raw, str):
        return ""
    tree = tree_of(raw)
    if tree is None:
        return None if raw[:1] == "[" and raw[-1:] == "]" and raw[:2] != "[[" else ""
    via = ""
    for node in walk_expr(tree):
        if not isinstance(node, Call) or node.namespace:
            continue
        name = node.name.lower()
        if name == "parameters":
            return None
        if name == "variables":
            arg = node.args[0] if node.args else None
            if not (isinstance(arg, Literal) and isinstance(arg.value, str)):
                return None  # a computed variable name: cannot be followed
            key = arg.value.lower()
            if key in seen:
                continue
            seen.add(key)
            if key not in variables:
                return None
            if _parameter_free(variables[key], variables, seen) is None:
                return None
            via = via or arg.value
    return via


def _resolved(res, keys: tuple) -> Any:
    node: Any = resource_view(res)
    for key in keys:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node
