"""AL3003 id-not-from-resource-id-function: a property that holds a resource ID (its name ends in
"id") is set to a string built by hand instead of by a resource ID function.

The property list and its exceptions follow the Bicep linter (a superset of arm-ttk's): only
`properties` of a resource are searched; names ending in "uid"/"UID" and the listed non-ID
properties (tenantId, principalId, objectId...) and the subtrees under `tags` and `metadata` are
skipped, as are the resource types whose ID-like properties are not resource IDs. A value passes
when it starts with resourceId(), subscriptionResourceId(), tenantResourceId(),
extensionResourceId(), managementGroupResourceId(), reference(), subscription(), guid() or if(),
reads a parameter, or is a variable whose value passes; a literal passes unless it contains a '/';
any other expression passes unless it assembles the value with concat() or format() or contains a
literal with a '/' (a value passed through from a parameter or a loop item is not built by hand).
In Bicep, any reference to a resource or module symbol passes too."""
from __future__ import annotations

import re

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.query import base_of, call_name, literal_text, tree_of
from ..source.lazy import pattern

_ALLOWED = {"extensionresourceid", "resourceid", "subscriptionresourceid", "tenantresourceid",
            "managementgroupresourceid", "if", "reference", "subscription", "guid", "parameters"}
_EXCLUDED_NAMES = {n.lower() for n in (
    "appId", "clientId", "contentId", "connectorId", "DataTypeId", "defaultMenuItemId",
    "deploymentSpecId", "detector", "groupId", "IllusiveIncidentId", "keyId", "keyVaultId",
    "keyVaultSecretId", "locations", "menuId", "metadata", "metricId", "nodeAgentSkuId",
    "objectId", "parentId", "policyDefinitionReferenceId", "requestedServiceObjectiveId",
    "resource", "ruleId", "schemaId", "servicePrincipalClientId", "sid", "StartingDeviceID",
    "subscriptionId", "storageAccountSubscriptionId", "SyntheticMonitorId", "tags",
    "targetProtectionContainerId", "targetWorkerSizeId", "tenantId", "timezoneId", "vlanId",
    "workerSizeId", "UniqueFindingId", "principalId")}
_EXCLUDED_TYPES = pattern(
    r"^(microsoft\.portal/dashboards|microsoft\.logic/workflows|microsoft\.apimanagement/service/"
    r"backends|microsoft\.web/sites/config.*|microsoft\.documentdb/databaseaccounts/\w*/"
    r"collections)$", re.IGNORECASE)
_TYPE_PROPERTIES = {"microsoft.apimanagement/service/subscriptions": {"ownerid"}}


def _is_id_name(name: str) -> bool:
    return name.lower().endswith("id") and not (name.endswith("uid") or name.endswith("UID"))


def _passes(t, value, bicep: bool, seen: set) -> bool:
    if not isinstance(value, str):
        return True
    tree = tree_of(value)
    if tree is None:
        return "/" not in value
    if bicep and any(call_name(n) in ("resourceid", "reference") for n in walk(tree)):
        return True  # a resource or module symbol (lowered to resourceId()/reference())
    base = base_of(tree)
    name = call_name(base)
    if name in _ALLOWED:
        return True
    if (name == "tryget" and base.args and
                             call_name(base_of(base.args[0])) == "parameters"):
        return True  # Bicep `param.?prop`
    if name == "variables" and base is tree and base.args:
        ref = literal_text(base.args[0])
        if ref is None or ref.lower() in seen:
            return True
        body = t.owner.section("variables")
        key = body.actual_key(ref) if hasattr(body, "actual_key") else ref
        if key not in body:
            return True
        return _passes(t, body[key], bicep, seen | {ref.lower()})
    if name == "variables":
        return True  # a part of a variable (variables('x').id): arm-ttk expands, we trust it
    # Not assembled from pieces (no concat()/format(), no literal path): a value passed through
    # from a parameter or a loop item (tryGet(), coalesce(), [copyIndex()]) is not built by hand.
    return not any(call_name(n) in ("concat", "format") or "/" in (literal_text(n) or "")
                   for n in walk(tree))


def _walk(value, pointer: tuple, excluded: set):
    """(pointer, name, value) of every ID-named property under `value`."""
    stack = [(value, pointer)]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            for key, child in node.items():
                low = key.lower()
                if low in excluded:
                    continue
                if _is_id_name(key) and isinstance(child, str):
                    yield ptr + (key,), key, child
                    continue
                stack.append((child, ptr + (key,)))
        elif isinstance(node, list):
            stack.extend((child, ptr + (i,)) for i, child in enumerate(node))


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if not res.deployed or _EXCLUDED_TYPES.match(res.type):
        return
    raw = res.raw
    if "properties" not in raw or not isinstance(raw["properties"], dict):
        return
    if res.type_key == "microsoft.resources/deployments":
        return  # the nested template and parameters are checked where they are declared
    excluded = _EXCLUDED_NAMES | _TYPE_PROPERTIES.get(res.type_key, set())
    bicep = ctx.model.is_bicep
    for pointer, name, value in _walk(raw["properties"], (raw.actual_key("properties"),),
                                      excluded):
        if value and not _passes(res.template, value, bicep, set()):
            report.at_origin(res.origin_of(*pointer), part="key", prop=name)
