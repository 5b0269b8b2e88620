"""AL3004 resource-id-contains: a resource ID function whose first argument is built with
`concat()` (or, for resourceId and subscriptionResourceId, is `resourceGroup()`/`subscription()`
that the function supplies itself). As arm-ttk, `keyVaultSecretId` (a secret URI) is exempt."""
from __future__ import annotations

from ..engine.items import ExpressionContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.query import base_of, call_name

# function -> first-argument functions that are reported
_FIRST = {
    "resourceid": ("concat", "resourcegroup", "subscription"),
    "subscriptionresourceid": ("concat", "subscription"),
    "tenantresourceid": ("concat",),
    "extensionresourceid": ("concat",),
    "reference": ("concat",),
}
_EXEMPT = ("keyvaultsecretid",)
_TAKES_SEGMENTS = ("resourceid", "subscriptionresourceid", "tenantresourceid", "extensionresourceid")


def _first_call(node) -> tuple[str, str] | None:
    name = call_name(node)
    if name is None or not node.args:
        return None
    wanted = _FIRST.get(name) or (("concat",) if name.startswith("list") else None)
    if not wanted:
        return None
    inner = call_name(base_of(node.args[0]))
    if inner in wanted:
        return node.name, base_of(node.args[0]).name
    return None


def check(ctx: ExpressionContext, report: Report) -> None:
    if not ctx.model.mentions("concat", "resourcegroup(", "subscription("):
        return
    expression = ctx.expression
    low = expression.text.lower()
    if "concat" not in low and "resourcegroup(" not in low and "subscription(" not in low:
        return
    prop = expression.property_name
    if prop is not None and prop.lower() in _EXEMPT:
        return
    for node in walk(expression.tree):
        found = _first_call(node)
        if found is None:
            continue
        outer, inner = found
        if inner.lower() == "concat" and call_name(node) in _TAKES_SEGMENTS:
            why = (f"builds the first argument of {outer}() with concat(); pass the resource "
                   f"type and each name segment as separate arguments")
        elif inner.lower() == "concat":  # reference(), list*(): one resource name or ID
            why = (f"builds the resource {outer}() reads with concat(); give it "
                   f"resourceId() with the type and each name segment as separate arguments")
        else:
            why = (f"passes {inner}() as the first argument of {outer}(), which already "
                   f"defaults to the current {inner}; leave the argument out")
        report.at_node(node, detail=why)
