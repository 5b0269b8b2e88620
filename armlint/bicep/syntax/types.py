"""Bicep syntax tree: type expression nodes.

Owns: the nodes of the types that follow `param`, `type`, `func` and `output`: references,
literals, unions, arrays, nullable and non-null types, object types (properties, additional
properties), tuples, generics, type access (`.p`, `[0]`, `[*]`, `.*`), parentheses and
`resource 'T@v'`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from armlint.bicep.syntax.expressions import Expr, Identifier, Node, String


@dataclass(slots=True)
class TypeExpr(Node):
    """Base class of type expression nodes."""


@dataclass(slots=True)
class TypeRef(TypeExpr):
    """A type name: `string`, `int`, `object`, a user or imported type name. `sys.string` is
    TypePropertyAccess(TypeRef('sys'), 'string')."""

    name: str


@dataclass(slots=True)
class TypeLiteral(TypeExpr):
    """A literal type: a String, IntLit, BoolLit, NullLit or Unary ('-1', '!true')."""

    value: Expr


@dataclass(slots=True)
class TypeUnion(TypeExpr):
    members: list[TypeExpr]


@dataclass(slots=True)
class TypeArray(TypeExpr):
    """`item[]`."""

    item: TypeExpr


@dataclass(slots=True)
class TypeNullable(TypeExpr):
    """`base?`."""

    base: TypeExpr


@dataclass(slots=True)
class ObjectTypeProperty(Node):
    decorators: list["Decorator"]
    key: Union[Identifier, String]
    value: TypeExpr

    @property
    def name(self) -> Optional[str]:
        key = self.key
        if isinstance(key, Identifier):
            return key.name
        return key.value


@dataclass(slots=True)
class ObjectTypeAdditional(Node):
    """`*: type`, the type of additional properties."""

    decorators: list["Decorator"]
    value: TypeExpr


@dataclass(slots=True)
class TypeObject(TypeExpr):
    items: list[Node]  # ObjectTypeProperty and ObjectTypeAdditional

    @property
    def properties(self) -> list[ObjectTypeProperty]:
        return [item for item in self.items if isinstance(item, ObjectTypeProperty)]

    @property
    def additional(self) -> Optional[ObjectTypeAdditional]:
        for item in self.items:
            if isinstance(item, ObjectTypeAdditional):
                return item
        return None


@dataclass(slots=True)
class TupleItem(Node):
    decorators: list["Decorator"]
    value: TypeExpr


@dataclass(slots=True)
class TypeTuple(TypeExpr):
    items: list[TupleItem]


@dataclass(slots=True)
class TypeGeneric(TypeExpr):
    """`name<args>`, e.g. `resourceInput<'Microsoft.Compute/virtualMachines@2024-07-01'>`;
    base is the qualifier of `sys.resourceInput<...>` (a TypeRef) or None."""

    name: Identifier
    args: list[TypeExpr]
    base: Optional[TypeExpr] = None


@dataclass(slots=True)
class TypePropertyAccess(TypeExpr):
    """`base.name` (also qualified names such as `sys.string`)."""

    base: TypeExpr
    name: Identifier


@dataclass(slots=True)
class TypeIndexAccess(TypeExpr):
    """`base[index]` on a tuple type."""

    base: TypeExpr
    index: int


@dataclass(slots=True)
class TypeItemsAccess(TypeExpr):
    """`base[*]`, the item type of an array type."""

    base: TypeExpr


@dataclass(slots=True)
class TypeAdditionalAccess(TypeExpr):
    """`base.*`, the type of an object type's additional properties."""

    base: TypeExpr


@dataclass(slots=True)
class TypeNonNull(TypeExpr):
    """`base!`, the non-nullable form of a nullable type."""

    base: TypeExpr


@dataclass(slots=True)
class TypeParen(TypeExpr):
    inner: TypeExpr


@dataclass(slots=True)
class TypeResource(TypeExpr):
    """`resource 'Type@version'` in a param or output declaration."""

    type: String
