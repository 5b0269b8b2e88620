"""What every part of Bicep lowering shares.

Owns: the ARM constants lowering writes (template and parameter-file schemas by target scope, the
deployment type and API version the compiler emits for modules), the builders of ARM expression
nodes (`_lit`, `_call`) and their text (`expression_string`, `literal_json`), the ARM type of a
`@secure()` declaration, and the records lowering keeps per Bicep symbol (`_Symbol`) and per
resource or module (`_ResourceInfo`).
"""
from __future__ import annotations

from typing import Any

from armlint.expr.ast import Call, Literal, Node as ArmNode, arm_text
from armlint.expr.parser import remember

SCHEMAS = {
    "resourceGroup": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "subscription": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
    "managementGroup": "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
    "tenant": "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#",
}
PARAMETERS_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"
DEPLOYMENTS = "Microsoft.Resources/deployments"
DEPLOYMENTS_API = "2025-04-01"  # what the current Bicep compiler emits for modules


def _secured(type_name: str, secure: bool) -> str:
    """The ARM type of a declaration: `@secure()` makes string and object securestring and
    secureObject, as the compiler writes them."""
    if not secure:
        return type_name
    return {"string": "securestring", "object": "secureObject"}.get(type_name, type_name)


def _lit(value: Any) -> Literal:
    return Literal(0, 0, value)


def _call(name: str, *args: ArmNode, namespace: str | None = None) -> Call:
    return Call(0, 0, name, list(args), namespace)


def expression_string(node: ArmNode) -> str:
    text = "[" + arm_text(node) + "]"
    remember(text, node)  # the evaluator will not parse the text again
    return text


def literal_json(value: Any) -> Any:
    """A literal as JSON: strings that would read as expressions get the `[[` escape."""
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        return "[" + value
    return value


class _Symbol:
    __slots__ = ("kind", "name", "node", "info")

    def __init__(self, kind: str, name: str, node: Any = None, info: Any = None):
        self.kind, self.name, self.node, self.info = kind, name, node, info


class _ResourceInfo:
    __slots__ = ("type", "api", "name_ast", "own_name", "symbolic", "parent", "loop", "existing",
                 "module")

    def __init__(self, rtype, api, name_ast, symbolic, parent=None, loop=None, existing=False,
                 module=False):
        self.type, self.api, self.name_ast, self.symbolic = rtype, api, name_ast, symbolic
        self.parent, self.loop, self.existing, self.module = parent, loop, existing, module
        self.own_name = None  # the `name:` as written (what `symbol.name` means in Bicep)


class _Skip(Exception):
    pass
