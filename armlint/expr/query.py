"""Questions about one expression string or tree, asked by the model and by rules.

Owns: the parsed tree of a string (through the parser's cache), the name of a plain function
call, the literal text of a node, the node under property accesses and indexes, whether a string
is exactly `[parameters('x')]`, and `resourceGroup().location`/`deployment().location`. Nothing
here knows a template.
"""
from __future__ import annotations

from . import parser
from .ast import Call, Index, Literal, Member, Node
from .values import Unknown

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


def tree_of(value: Any) -> Node | None:
    """The parsed expression of a string, or None (not an expression, or a syntax error)."""
    if not parser.is_expression(value):
        return None
    try:
        return parser.parse(value)
    except parser.ExpressionSyntaxError:
        return None


def call_name(node: Any) -> str | None:
    """The lower-case name of a call of a built-in function (None for anything else)."""
    return node.name.lower() if isinstance(node, Call) and not node.namespace else None


def literal_text(node: Any) -> str | None:
    return node.value if isinstance(node, Literal) and isinstance(node.value, str) else None


def base_of(node: Node) -> Node:
    """The node under property accesses and indexes: `parameters('x').id[0]` -> the call."""
    while isinstance(node, (Member, Index)):
        node = node.target
    return node


def exact_parameter(value: Any) -> str | None:
    """`x` when a string is exactly `[parameters('x')]`."""
    tree = tree_of(value)
    if call_name(tree) == "parameters" and len(tree.args) == 1:
        return literal_text(tree.args[0])
    return None


def is_deployment_location(node: Node) -> bool:
    """`resourceGroup().location` or `deployment().location`."""
    return isinstance(node, Member) and node.name.lower() == "location" and \
        call_name(node.target) in ("resourcegroup", "deployment") and not node.target.args


def is_literal(value: Any) -> bool:
    """A value written as is: not an expression string (objects and arrays count when every value
    in them is literal)."""
    if isinstance(value, str):
        return not parser.is_expression(value)
    if isinstance(value, dict):
        return all(is_literal(v) for v in value.values())
    if isinstance(value, list):
        return all(is_literal(v) for v in value)
    return True


def known_text(value: Any) -> bool:
    """A string whose whole value is known before the deployment."""
    return isinstance(value, str) and not isinstance(value, Unknown)
