"""Bicep syntax tree: the node base class and the expression nodes.

Owns: `Node` (start and end character offsets, end exclusive) and every expression node:
literals, strings with their interpolation segments, variables, arrays and objects (with their
properties, spreads and nested resources), operators, access, calls, lambdas, `for` and `if`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union


@dataclass(slots=True)
class Node:
    start: int
    end: int


@dataclass(slots=True)
class Expr(Node):
    """Base class of expression nodes."""


@dataclass(slots=True)
class ErrorExpr(Expr):
    """Stands in for an expression that could not be parsed (a diagnostic says why)."""


@dataclass(slots=True)
class IntLit(Expr):
    value: int


@dataclass(slots=True)
class BoolLit(Expr):
    value: bool


@dataclass(slots=True)
class NullLit(Expr):
    pass


@dataclass(slots=True)
class String(Expr):
    """A string literal, plain or interpolated, single- or multi-line.

    `segments` are the decoded literal parts and `expressions` the `${...}` holes, interleaved:
    segments[0] expressions[0] segments[1] ... so len(segments) == len(expressions) + 1.
    `segment_spans` gives each segment's (start, end) in the source (the raw text, escapes
    included, without quotes or `${`/`}`).
    """

    segments: list[str]
    expressions: list[Expr]
    segment_spans: list[tuple[int, int]]
    multiline: bool = False

    @property
    def value(self) -> Optional[str]:
        """The string's value when it has no interpolation, else None."""
        return self.segments[0] if not self.expressions else None

    @property
    def is_interpolated(self) -> bool:
        return bool(self.expressions)


@dataclass(slots=True)
class Variable(Expr):
    """A reference to a symbol (parameter, variable, resource, module, loop variable, namespace)."""

    name: str


@dataclass(slots=True)
class Identifier(Node):
    """A name written in the source: declaration names, property names, member names."""

    name: str


@dataclass(slots=True)
class Spread(Expr):
    """`...expr` inside an object or an array."""

    expression: Expr


@dataclass(slots=True)
class Array(Expr):
    items: list[Expr]  # Spread items included


@dataclass(slots=True)
class Property(Node):
    """`key: value` in an object; key is an Identifier or a String (possibly interpolated)."""

    key: Union[Identifier, String]
    value: Expr

    @property
    def name(self) -> Optional[str]:
        """The key as text, or None when it is an interpolated string."""
        key = self.key
        if isinstance(key, Identifier):
            return key.name
        return key.value


@dataclass(slots=True)
class Object(Expr):
    """`{ ... }`; items are Property, Spread and (in resource bodies) nested Resource nodes."""

    items: list[Node]

    @property
    def properties(self) -> list[Property]:
        return [item for item in self.items if isinstance(item, Property)]

    @property
    def resources(self) -> list["Resource"]:
        return [item for item in self.items if isinstance(item, Resource)]

    def get(self, name: str) -> Optional[Property]:
        """The last property whose key equals name (case-sensitive, as in Bicep), or None."""
        found = None
        for item in self.items:
            if isinstance(item, Property) and item.name == name:
                found = item
        return found


@dataclass(slots=True)
class Unary(Expr):
    op: str  # "!", "-" or "+"
    operand: Expr


@dataclass(slots=True)
class Binary(Expr):
    """`left op right`; op is one of * / % + - > >= < <= == != =~ !~ && || ??"""

    op: str
    left: Expr
    right: Expr


@dataclass(slots=True)
class Ternary(Expr):
    condition: Expr
    if_true: Expr
    if_false: Expr


@dataclass(slots=True)
class PropertyAccess(Expr):
    """`base.name`, or `base.?name` when safe."""

    base: Expr
    name: Identifier
    safe: bool = False


@dataclass(slots=True)
class IndexAccess(Expr):
    """`base[index]`; `[?i]` sets safe, `[^i]` sets from_end (`[?^i]` sets both)."""

    base: Expr
    index: Expr
    safe: bool = False
    from_end: bool = False


@dataclass(slots=True)
class ResourceAccess(Expr):
    """`base::name`, a nested resource of a resource."""

    base: Expr
    name: Identifier


@dataclass(slots=True)
class NonNull(Expr):
    """`expr!`, the non-null assertion."""

    expression: Expr


@dataclass(slots=True)
class Call(Expr):
    """`name(args)`; with a base, `base.name(args)` (namespace calls `sys.f()`/`az.f()` and
    method calls `x.f()` alike: base is then a Variable or any expression)."""

    name: Identifier
    args: list[Expr]
    base: Optional[Expr] = None

    @property
    def namespace(self) -> Optional[str]:
        base = self.base
        return base.name if isinstance(base, Variable) else None


@dataclass(slots=True)
class Paren(Expr):
    expression: Expr


@dataclass(slots=True)
class Lambda(Expr):
    """`x => body` or `(x, y) => body`."""

    params: list[Identifier]
    body: Expr


@dataclass(slots=True)
class TypedParam(Node):
    name: Identifier
    type: "TypeExpr"


@dataclass(slots=True)
class TypedLambda(Expr):
    """`(a string, b int) string => body`, the form a `func` declaration takes."""

    params: list[TypedParam]
    return_type: "TypeExpr"
    body: Expr


@dataclass(slots=True)
class IfCondition(Expr):
    """`if (condition) body`: a conditional resource/module body (body is an Object)."""

    condition: Expr
    body: Expr


@dataclass(slots=True)
class ForExpr(Expr):
    """`[for item in iterable: body]` / `[for (item, index) in iterable: body]`.

    body is an expression, an Object (resource/module loops) or an IfCondition (filtered loops).
    item or index is None only when missing after a syntax error, or for `(item, index)` forms
    that omit one; at least one is normally set.
    """

    item: Optional[Identifier]
    index: Optional[Identifier]
    iterable: Expr
    body: Expr



# Object.resources tells nested resources apart; the statements module builds on this one,
# so the import comes last, when every class here exists.
from armlint.bicep.syntax.statements import Resource  # noqa: E402
