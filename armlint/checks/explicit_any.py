"""AL8011 no-explicit-any: the type `any` written in a declaration.

As the Bicep linter: every type position that names the built-in `any` type, as `any` or
`sys.any` (parameters, outputs, typed variables, user-defined types and their properties,
function parameters and results). The `any()` function, which converts a value, is not a type
and is not reported."""
from __future__ import annotations

from ..engine.items import BicepNodeContext
from ..engine.report import Report


def check(ctx: BicepNodeContext, report: Report) -> None:
    from ..bicep import syntax as S
    node = ctx.node
    if isinstance(node, S.TypePropertyAccess):
        if isinstance(node.base, S.TypeRef) and node.base.name == "sys" and \
                node.name.name == "any":
            report.at_node(node)
    elif node.name == "any" and not _user_type(ctx, "any"):
        report.at_node(node)


def _user_type(ctx: BicepNodeContext, name: str) -> bool:
    symbol = ctx.semantic.symbols.get(name)
    return symbol is not None and symbol.kind == "type"
