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
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union


@dataclass(slots=True)
class Diagnostic:
    """A syntax error: a message a person understands, and where."""

    message: str
    start: int
    end: int


@dataclass(slots=True)
class Comment:
    """A `// ...` or `/* ... */` comment; `text` includes the comment markers."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Directive:
    """`#disable-next-line a b`, `#disable-diagnostics ...` or `#restore-diagnostics ...`.

    `kind` is the keyword without `#` ("disable-next-line", "disable-diagnostics",
    "restore-diagnostics"); the span covers the keyword and the codes.
    """

    kind: str
    codes: list[str]
    start: int
    end: int


@dataclass(slots=True)
class Node:
    start: int
    end: int


# ----------------------------------------------------------------------------------------------
# Expressions


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


# ----------------------------------------------------------------------------------------------
# Types


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


# ----------------------------------------------------------------------------------------------
# Statements


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
