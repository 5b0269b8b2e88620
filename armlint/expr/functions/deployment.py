"""Functions whose values come from the deployment: parameters(), variables(), copyIndex(), the
scope objects (resourceGroup(), subscription()...), the runtime-only functions (reference(),
list*() is in evaluate.py, utcNow(), newGuid()...) and the resource ID functions.
"""
from __future__ import annotations

from ..ast import Call
from ..evaluate import EvalContext, EvalError, evaluate, unknown_of
from ..values import PartialString, ResourceIdValue, Unknown
from .args import has_placeholders, is_int, need, to_text
from .registry import FUNCTIONS, fn, lazy

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


@lazy("parameters")
def _parameters(node: Call, ctx: EvalContext):
    name = evaluate(node.args[0], ctx) if node.args else None
    if not isinstance(name, str) or isinstance(name, Unknown):
        return unknown_of(node, "the parameter name is unknown")
    return ctx.scope.parameter(name)


@lazy("variables")
def _variables(node: Call, ctx: EvalContext):
    name = evaluate(node.args[0], ctx) if node.args else None
    if not isinstance(name, str) or isinstance(name, Unknown):
        return unknown_of(node, "the variable name is unknown")
    return ctx.scope.variable(name)


@lazy("copyindex")
def _copy_index(node: Call, ctx: EvalContext):
    args = [evaluate(a, ctx) for a in node.args]
    loop, offset = None, 0
    for a in args:
        if isinstance(a, Unknown):
            return unknown_of(node, "an argument is unknown", "int")
        if isinstance(a, str):
            loop = a
        elif is_int(a):
            offset = a
    index = ctx.copy.get((loop or "").lower())
    if index is None:
        return unknown_of(node, "the copy index depends on the loop", "int")
    if isinstance(index, Unknown):
        return index
    return index + offset


def _scope_function(kind: str):
    def scope_object(args, node, ctx):
        return ctx.scope.deployment.scope_object(kind)
    return scope_object


for _kind in ("resourceGroup", "subscription", "tenant", "managementGroup", "deployment",
              "deployer", "environment"):
    FUNCTIONS[_kind.lower()] = _scope_function(_kind.lower())


def _runtime(kind: str | None):
    def runtime(args, node, ctx):
        return unknown_of(node, f"{node.name}() is only known at deployment", kind)
    return runtime


for _name, _result_kind in (("reference", "object"), ("references", "array"), ("utcNow", "string"),
                            ("newGuid", "string"), ("pickZones", "array"), ("providers", "object"),
                            ("toLogicalZone", "string"), ("toLogicalZones", "array"),
                            ("toPhysicalZone", "string"), ("toPhysicalZones", "array")):
    FUNCTIONS[_name.lower()] = _runtime(_result_kind)


_SUB = "{subscriptionId}"
_RG = "{resourceGroupName}"


def _split_args(args: list, leading_max: int) -> tuple[list, str, list]:
    """Split resourceId-style arguments into leading scope values, the type and the names."""
    for i, a in enumerate(args[:leading_max + 1]):
        if isinstance(a, str) and not isinstance(a, Unknown) and "/" in a:
            return args[:i], a, args[i + 1:]
    raise EvalError("no resource type among the arguments")


def _name_text(n: Any) -> str:
    if isinstance(n, Unknown):
        return "{" + n.text + "}"
    return to_text(n)


def _type_and_names(rtype: str, names: list) -> str:
    segments = rtype.split("/")
    out = [segments[0], segments[1] if len(segments) > 1 else ""]
    for i, extra in enumerate(segments[2:]):
        out.append(_name_text(names[i]) if i < len(names) else "")
        out.append(extra)
    if len(names) >= len(segments) - 1:
        out.append(_name_text(names[len(segments) - 2]))
    return "/".join(out)


def _split_names(names: list) -> tuple:
    out: list = []
    for n in names:
        if isinstance(n, PartialString):
            out.extend(p[0] if len(p) == 1 else PartialString(p) for p in n.split("/"))
        elif isinstance(n, str) and not isinstance(n, Unknown):
            out.extend(n.split("/"))
        elif isinstance(n, Unknown):
            out.append(n)
        else:  # Resource Manager takes strings only; an array or number is no name segment
            raise EvalError("a resource name segment is not a string")
    return tuple(out)


def _text_or(value: Any, placeholder: str) -> str:
    if isinstance(value, str) and not isinstance(value, Unknown) and not has_placeholders(value):
        return value
    return placeholder


@fn("resourceId", unknown_ok=True)
def _resource_id(args, node, ctx):
    lead, rtype, names = _split_args(args, 2)
    names = _split_names(names)
    sub = _text_or(lead[0], _SUB) if len(lead) == 2 else _SUB
    rg = _text_or(lead[-1], _RG) if lead else _RG
    text = f"/subscriptions/{sub}/resourceGroups/{rg}/providers/{_type_and_names(rtype, list(names))}"
    return ResourceIdValue(text, rtype, names, "resourceGroup")


@fn("subscriptionResourceId", unknown_ok=True)
def _subscription_resource_id(args, node, ctx):
    lead, rtype, names = _split_args(args, 1)
    names = _split_names(names)
    sub = _text_or(lead[0], _SUB) if lead else _SUB
    text = f"/subscriptions/{sub}/providers/{_type_and_names(rtype, list(names))}"
    return ResourceIdValue(text, rtype, names, "subscription")


@fn("tenantResourceId", unknown_ok=True)
def _tenant_resource_id(args, node, ctx):
    lead, rtype, names = _split_args(args, 0)
    names = _split_names(names)
    return ResourceIdValue(f"/providers/{_type_and_names(rtype, list(names))}", rtype, names,
                           "tenant")


@fn("managementGroupResourceId", unknown_ok=True)
def _management_group_resource_id(args, node, ctx):
    lead, rtype, names = _split_args(args, 1)
    names = _split_names(names)
    mg = _text_or(lead[0], "{managementGroupName}") if lead else "{managementGroupName}"
    text = (f"/providers/Microsoft.Management/managementGroups/{mg}/providers/"
            f"{_type_and_names(rtype, list(names))}")
    return ResourceIdValue(text, rtype, names, "managementGroup")


@fn("extensionResourceId", unknown_ok=True)
def _extension_resource_id(args, node, ctx):
    need(args, 3)
    base = args[0]
    rtype = args[1]
    if not isinstance(rtype, str) or isinstance(rtype, Unknown):
        raise EvalError("the resource type is unknown")
    names = _split_names(args[2:])
    if isinstance(base, str) and not isinstance(base, Unknown):
        base_text = base
    elif isinstance(base, Unknown):
        base_text = "{" + base.text + "}"
    else:
        raise EvalError("the base resource ID is not a string")
    return ResourceIdValue(f"{base_text}/providers/{_type_and_names(rtype, list(names))}", rtype,
                           names, "extension")

