"""The expression tree shared by ARM template expressions and lowered Bicep expressions.

Owns: the node types and `canonical`, the stable text of a tree (function names lower-cased,
literals as ARM writes them) that lets two unevaluated expressions be compared, e.g. the name of a
VM `parameters('vmName')` and the first segment of an extension `concat(parameters('VMNAME'), ...)`.
Offsets (`start`, `end`) are into the expression text as the evaluator saw it, end exclusive.
"""
from __future__ import annotations

from ..source.record import Plain
from .bounded import Bounded

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

# Plain classes rather than dataclasses: made when the module is imported, by every run (issue 12)


class Node(Plain):
    __slots__ = ("start", "end")
    _fields = __slots__

    def __init__(self, start: int, end: int):
        self.start = start
        self.end = end


class Literal(Node):
    """A string, an integer, or (from Bicep) true, false, null."""

    __slots__ = ("value",)
    _fields = ("start", "end", "value")

    def __init__(self, start: int, end: int, value: Any):
        self.start = start
        self.end = end
        self.value = value


class Call(Node):
    """`name(args)`; `namespace.member(args)` for user-defined functions."""

    __slots__ = ("name", "args", "namespace")
    _fields = ("start", "end", "name", "args", "namespace")

    def __init__(self, start: int, end: int, name: str, args: list[Node] | None = None,
                 namespace: str | None = None):
        self.start = start
        self.end = end
        self.name = name
        self.args = [] if args is None else args
        self.namespace = namespace


class Member(Node):
    """`target.name`; `safe` for Bicep's `.?`."""

    __slots__ = ("target", "name", "safe")
    _fields = ("start", "end", "target", "name", "safe")

    def __init__(self, start: int, end: int, target: Node, name: str, safe: bool = False):
        self.start = start
        self.end = end
        self.target = target
        self.name = name
        self.safe = safe


class Index(Node):
    """`target[index]`; `safe` for Bicep's `[?i]`."""

    __slots__ = ("target", "index", "safe")
    _fields = ("start", "end", "target", "index", "safe")

    def __init__(self, start: int, end: int, target: Node, index: Node, safe: bool = False):
        self.start = start
        self.end = end
        self.target = target
        self.index = index
        self.safe = safe


class ObjectLit(Node):
    """A literal object or array inside an expression (Bicep lowers `{...}` and `[...]` to these)."""

    __slots__ = ("items",)  # ObjectLit: [(key Node, value Node)], ArrayLit: [Node]
    _fields = ("start", "end", "items")

    def __init__(self, start: int, end: int, items: list):
        self.start = start
        self.end = end
        self.items = items


class ArrayLit(Node):
    __slots__ = ("items",)
    _fields = ("start", "end", "items")

    def __init__(self, start: int, end: int, items: list):
        self.start = start
        self.end = end
        self.items = items


def canonical(node: Node) -> str:
    """Stable text of a tree: equal for expressions that differ only in case or spacing."""
    return _text(node, True)


def arm_text(node: Node) -> str:
    """ARM expression text of a tree (without the enclosing brackets), as a template writes it."""
    return _text(node, False)


_IDENT = __import__("re").compile(r"[A-Za-z_$][A-Za-z0-9_$]*$")


def _text(node: Node, fold: bool) -> str:
    # Called for every node of every expression the Bicep lowering writes out (64,801 nodes in
    # every 20th .bicep file of the corpus), hence the exact class tests, most frequent first,
    # and no comprehension for the calls of fewer than two arguments (80% of them): each costs a
    # function call of its own.
    cls = node.__class__
    if cls is Call:
        name = node.name if node.namespace is None else f"{node.namespace}.{node.name}"
        args = node.args
        if len(args) < 2:
            inner = _text(args[0], fold) if args else ""
        else:
            inner = ", ".join([_text(a, fold) for a in args])
        return (name.lower() if fold else name) + "(" + inner + ")"
    if cls is Literal:
        v = node.value
        if isinstance(v, str):
            return "'" + v.replace("'", "''") + "'"
        if v is True:
            return "true()"
        if v is False:
            return "false()"
        if v is None:
            return "null()"
        return str(v)
    if cls is Member:
        if fold:
            return _text(node.target, fold) + "." + node.name.lower()
        if _IDENT.match(node.name):
            return _text(node.target, fold) + "." + node.name
        return _text(node.target, fold) + "[" + _text(Literal(0, 0, node.name), fold) + "]"
    if cls is Index:
        return _text(node.target, fold) + "[" + _text(node.index, fold) + "]"
    if cls is ObjectLit:
        args = [x for k, v in node.items for x in (k, v)]
        return ("createobject(" if fold else "createObject(") + \
            ", ".join(_text(a, fold) for a in args) + ")"
    if cls is ArrayLit:
        return ("createarray(" if fold else "createArray(") + \
            ", ".join(_text(a, fold) for a in node.items) + ")"
    raise TypeError(type(node).__name__)


# id(tree) -> its nodes, the tree first (which tells a tree from a freed one that had its id).
# Trees are shared by the parser's caches (parsed and lowered texts, 4,096 a generation each), and
# this cache is no larger: an entry holds its tree, and at twice their size this cache kept every
# tree of a large template alive after the parser's caches had let go of them.
_WALKED = Bounded(4096)


def walk(node: Node) -> tuple:
    """Every node of a tree, parents before children (computed once per tree object)."""
    nodes = _WALKED.get(id(node))
    if nodes is not None and nodes[0] is node:
        return nodes
    nodes = tuple(_nodes(node))
    _WALKED.put(id(node), nodes)
    return nodes


def _nodes(node: Node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, Call):
            stack.extend(reversed(n.args))
        elif isinstance(n, Member):
            stack.append(n.target)
        elif isinstance(n, Index):
            stack.append(n.index)
            stack.append(n.target)
        elif isinstance(n, ObjectLit):
            for k, v in reversed(n.items):
                stack.append(v)
                stack.append(k)
        elif isinstance(n, ArrayLit):
            stack.extend(reversed(n.items))


def function_names(node: Node) -> set[str]:
    """Lower-cased names of every function the expression calls."""
    return {n.name.lower() for n in walk(node) if isinstance(n, Call) and not n.namespace}
