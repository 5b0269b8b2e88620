"""Bicep syntax tree: declaration nodes and the file.

Owns: `Decorator`, the `Statement` base (a declaration with its decorators) and every
declaration: targetScope, metadata, param, var, type, func, the import forms, extension, using,
extends, resource and module (their conditional or looped body), output, assert and test; and
`BicepFile`, the root of a parsed file.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from armlint.bicep.syntax.expressions import (Call, Expr, ForExpr, Identifier, IfCondition, Node,
                                              Object, PropertyAccess, String, TypedLambda,
                                              TypedParam, Variable)
from armlint.bicep.syntax.files import Comment, Diagnostic, Directive
from armlint.bicep.syntax.types import TypeExpr


@dataclass(slots=True)
class Decorator(Node):
    """`@name(args)` or `@ns.name(args)`; expression is the whole call after `@`."""

    expression: Expr

    @property
    def name(self) -> Optional[str]:
        expr = self.expression
        if isinstance(expr, Call):
            return expr.name.name
        if isinstance(expr, Variable):
            return expr.name
        if isinstance(expr, PropertyAccess):
            return expr.name.name
        return None

    @property
    def namespace(self) -> Optional[str]:
        expr = self.expression
        if isinstance(expr, Call):
            return expr.namespace
        return None

    @property
    def args(self) -> list[Expr]:
        expr = self.expression
        return expr.args if isinstance(expr, Call) else []


@dataclass(slots=True)
class Statement(Node):
    """Base of top-level declarations. The span starts at the first decorator if any."""

    decorators: list[Decorator]

    def decorator(self, name: str) -> Optional[Decorator]:
        """The decorator called name (with or without `sys.`), or None."""
        for dec in self.decorators:
            if dec.name == name:
                return dec
        return None


@dataclass(slots=True)
class TargetScope(Statement):
    value: Expr


@dataclass(slots=True)
class Metadata(Statement):
    name: Identifier
    value: Expr


@dataclass(slots=True)
class Param(Statement):
    """`param name type (= default)?`; in .bicepparam files `param name = value` (type None)."""

    name: Identifier
    type: Optional[TypeExpr]
    default: Optional[Expr]


@dataclass(slots=True)
class Var(Statement):
    name: Identifier
    type: Optional[TypeExpr]
    value: Expr


@dataclass(slots=True)
class TypeDecl(Statement):
    name: Identifier
    value: TypeExpr


@dataclass(slots=True)
class Func(Statement):
    name: Identifier
    lambda_: TypedLambda

    @property
    def params(self) -> list[TypedParam]:
        return self.lambda_.params

    @property
    def return_type(self) -> TypeExpr:
        return self.lambda_.return_type

    @property
    def body(self) -> Expr:
        return self.lambda_.body


@dataclass(slots=True)
class ImportItem(Node):
    """`name` or `name as alias` in `import {...} from '...'`; name may be a quoted String."""

    name: Union[Identifier, String]
    alias: Optional[Identifier]


@dataclass(slots=True)
class ImportSymbols(Statement):
    """`import {a, b as c} from 'source'`."""

    items: list[ImportItem]
    source: String


@dataclass(slots=True)
class ImportWildcard(Statement):
    """`import * as ns from 'source'`."""

    alias: Identifier
    source: String


@dataclass(slots=True)
class ImportLegacy(Statement):
    """`import 'az@1.0.0' (with {...})? (as alias)?`, the old extension import form."""

    spec: String
    config: Optional[Expr]
    alias: Optional[Identifier]


@dataclass(slots=True)
class Extension(Statement):
    """`extension name` / `extension 'br:...' (with {...})? (as alias)?` (also `provider`)."""

    spec: Union[Identifier, String]
    config: Optional[Expr]
    alias: Optional[Identifier]


@dataclass(slots=True)
class Using(Statement):
    """`using 'path'` (path set) or `using none` (path None), optionally `with {...}`."""

    path: Optional[String]
    config: Optional[Expr] = None


@dataclass(slots=True)
class Extends(Statement):
    path: String


def _body_object(body: Optional[Expr]) -> Optional["Object"]:
    while True:
        if isinstance(body, Object) or body is None:
            return body
        if isinstance(body, (IfCondition, ForExpr)):
            body = body.body
        else:
            return None


class _Body:
    """What resources and modules share: a body that may be conditional or a loop."""

    __slots__ = ()

    @property
    def object(self) -> Optional[Object]:
        """The body object, looking through the condition and the loop."""
        return _body_object(self.body)

    @property
    def condition(self) -> Optional[Expr]:
        body = self.body
        if isinstance(body, ForExpr):
            body = body.body
        return body.condition if isinstance(body, IfCondition) else None

    @property
    def loop(self) -> Optional[ForExpr]:
        return self.body if isinstance(self.body, ForExpr) else None


@dataclass(slots=True)
class Resource(_Body, Statement):
    """`resource name 'Type@version' existing? = body`.

    body is an Object, an IfCondition (`if (c) {...}`) or a ForExpr (`[for ...: {...}]`, whose
    body may itself be an IfCondition). Nested resources appear as Resource items of the body
    Object, with a relative or full type string.
    """

    name: Identifier
    type: String
    existing: bool
    body: Expr



@dataclass(slots=True)
class Module(_Body, Statement):
    """`module name 'path|br:...|br/alias:...|ts:...' = body` (body as for Resource)."""

    name: Identifier
    path: String
    body: Expr



@dataclass(slots=True)
class Output(Statement):
    """`output name type = value`; `output name resource 'T' = value` has a TypeResource."""

    name: Identifier
    type: Optional[TypeExpr]
    value: Expr


@dataclass(slots=True)
class Assert(Statement):
    name: Identifier
    value: Expr


@dataclass(slots=True)
class Test(Statement):
    """`test name 'path' = body`."""

    name: Identifier
    path: String
    body: Expr


@dataclass(slots=True)
class BicepFile(Node):
    statements: list[Statement]
    diagnostics: list[Diagnostic]
    directives: list[Directive]
    comments: list[Comment]
