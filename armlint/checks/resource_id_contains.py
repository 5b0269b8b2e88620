"""AL3004 resource-id-contains: a resource ID function whose first argument is built with
`concat()` or `format()` (or, for resourceId and subscriptionResourceId, is `resourceGroup()` or
`subscription()`, that the function supplies itself). As arm-ttk, `keyVaultSecretId` (a secret
URI) is exempt."""
from __future__ import annotations

from ..engine.items import ExpressionContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.query import base_of, call_name, literal_text

# function -> first-argument functions that are reported
_FIRST = {
    "resourceid": ("concat", "format", "resourcegroup", "subscription"),
    "subscriptionresourceid": ("concat", "format", "subscription"),
    "tenantresourceid": ("concat", "format"),
    "extensionresourceid": ("concat", "format"),
    "reference": ("concat", "format"),
}
_BUILT = ("concat", "format")
_EXEMPT = ("keyvaultsecretid",)
_TAKES_SEGMENTS = ("resourceid", "subscriptionresourceid", "tenantresourceid", "extensionresourceid")


def _first_call(node) -> tuple[str, str] | None:
    name = call_name(node)
    if name is None or not node.args:
        return None
    wanted = _FIRST.get(name) or (_BUILT if name.startswith("list") else None)
    if not wanted:
        return None
    first = base_of(node.args[0])
    inner = call_name(first)
    if inner == "format" and not _builds_path(first):
        return None
    if inner in wanted:
        return node.name, first.name
    return None


def _builds_path(call) -> bool:
    """Whether a format() call builds a path (its format string has a `/`): the Bicep compiler
    writes `reference(format('vnet[{0}]', ...))` for a symbolic name in a loop, not an ID."""
    pattern = literal_text(call.args[0]) if call.args else None
    return pattern is None or "/" in pattern


def check(ctx: ExpressionContext, report: Report) -> None:
    if not ctx.model.mentions("concat", "format", "resourcegroup(", "subscription("):
        return
    expression = ctx.expression
    low = expression.text.lower()
    if "concat" not in low and "format" not in low and "resourcegroup(" not in low and \
            "subscription(" not in low:
        return
    prop = expression.property_name
    if prop is not None and prop.lower() in _EXEMPT:
        return
    for node in walk(expression.tree):
        found = _first_call(node)
        if found is None:
            continue
        outer, inner = found
        built = f"{inner}()"
        if inner.lower() == "format" and expression.template.is_bicep:
            built = "an interpolated string"  # what format() was in the Bicep source
        if inner.lower() in _BUILT and call_name(node) in _TAKES_SEGMENTS:
            why = (f"builds the first argument of {outer}() with {built}; pass the resource "
                   f"type and each name segment as separate arguments")
        elif inner.lower() in _BUILT:  # reference(), list*(): one resource name or ID
            why = (f"builds the resource {outer}() reads with {built}; give it "
                   f"resourceId() with the type and each name segment as separate arguments")
        else:
            why = (f"passes {inner}() as the first argument of {outer}(), which already "
                   f"defaults to the current {inner}; leave the argument out")
        report.at_node(node, detail=why)
