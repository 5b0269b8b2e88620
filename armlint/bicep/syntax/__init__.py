"""Bicep syntax tree: the node classes the parser builds.

Owns: the shape of a parsed `.bicep` / `.bicepparam` file. Every node is a plain
`@dataclass(slots=True)` with `start` and `end` character offsets into the source text (end
exclusive); `armlint.source.text.LineIndex(text).span(node.start, node.end)` turns them into
lines and columns. Nodes carry syntax only: no symbol resolution, no types, no evaluation.

Positional construction order is `start, end, <fields...>` for tree nodes (the parser builds them
positionally for speed); `Diagnostic`, `Comment` and `Directive` put their payload first.

Groups:
- file level: `BicepFile`, `Diagnostic`, `Comment`, `Directive`, `Decorator`
- statements (all have `decorators`): `TargetScope`, `Metadata`, `Param`, `Var`, `TypeDecl`,
  `Func`, `ImportSymbols` (+ `ImportItem`), `ImportWildcard`, `ImportLegacy`, `Extension`,
  `Using`, `Extends`, `Resource`, `Module`, `Output`, `Assert`, `Test`
- expressions: `IntLit`, `BoolLit`, `NullLit`, `String`, `Array`, `Object`, `Property`, `Spread`,
  `Variable`, `Unary`, `Binary`, `Ternary`, `PropertyAccess`, `IndexAccess`, `ResourceAccess`,
  `NonNull`, `Call`, `Paren`, `Lambda`, `TypedLambda` (+ `TypedParam`), `ForExpr`, `IfCondition`,
  `ErrorExpr`
- types: `TypeRef`, `TypeLiteral`, `TypeUnion`, `TypeArray`, `TypeNullable`, `TypeObject`
  (+ `ObjectTypeProperty`, `ObjectTypeAdditional`), `TypeTuple` (+ `TupleItem`), `TypeGeneric`,
  `TypePropertyAccess`, `TypeIndexAccess`, `TypeItemsAccess`, `TypeAdditionalAccess`,
  `TypeNonNull`, `TypeParen`, `TypeResource`

The tree is a package by group: `files`, `expressions` (with the `Node` base), `types` and
`statements`; every node class is imported here, so `from armlint.bicep import syntax as S`
and `S.Param` keep working.
"""
from __future__ import annotations

from armlint.bicep.syntax.files import Comment, Diagnostic, Directive
from armlint.bicep.syntax.expressions import (Node, Expr, ErrorExpr, IntLit, BoolLit, NullLit,
                                              String, Variable, Identifier, Spread, Array, Property,
                                              Object, Unary, Binary, Ternary, PropertyAccess,
                                              IndexAccess, ResourceAccess, NonNull, Call, Paren,
                                              Lambda, TypedParam, TypedLambda, IfCondition, ForExpr)
from armlint.bicep.syntax.types import (TypeExpr, TypeRef, TypeLiteral, TypeUnion, TypeArray,
                                        TypeNullable, ObjectTypeProperty, ObjectTypeAdditional,
                                        TypeObject, TupleItem, TypeTuple, TypeGeneric,
                                        TypePropertyAccess, TypeIndexAccess, TypeItemsAccess,
                                        TypeAdditionalAccess, TypeNonNull, TypeParen, TypeResource)
from armlint.bicep.syntax.statements import (Decorator, Statement, TargetScope, Metadata, Param,
                                             Var, TypeDecl, Func, ImportItem, ImportSymbols,
                                             ImportWildcard, ImportLegacy, Extension, Using,
                                             Extends, Resource, Module, Output,
                                             Assert, Test, BicepFile)

__all__ = [
    "Array", "Assert", "BicepFile", "Binary", "BoolLit", "Call", "Comment", "Decorator",
    "Diagnostic", "Directive", "ErrorExpr", "Expr", "Extends", "Extension", "ForExpr", "Func",
    "Identifier", "IfCondition", "ImportItem", "ImportLegacy", "ImportSymbols", "ImportWildcard",
    "IndexAccess", "IntLit", "Lambda", "Metadata", "Module", "Node", "NonNull", "NullLit",
    "Object", "ObjectTypeAdditional", "ObjectTypeProperty", "Output", "Param", "Paren", "Property",
    "PropertyAccess", "Resource", "ResourceAccess", "Spread", "Statement", "String", "TargetScope",
    "Ternary", "Test", "TupleItem", "TypeAdditionalAccess", "TypeArray", "TypeDecl", "TypeExpr",
    "TypeGeneric", "TypeIndexAccess", "TypeItemsAccess", "TypeLiteral", "TypeNonNull",
    "TypeNullable", "TypeObject", "TypeParen", "TypePropertyAccess", "TypeRef", "TypeResource",
    "TypeTuple", "TypeUnion", "TypedLambda", "TypedParam", "Unary", "Using", "Var", "Variable",
]
