"""The types a Bicep file states, and the type of an expression.

Owns: `BicepType` (a name, secureness, an array's item type, a resource's type) and the named
types; which built-in functions return strings, which properties of the scope objects and of
resources are strings, which lambda parameters are elements of the array a lambda function ranges
over; and `TypeInference.type_of(expr)`: literals, declared types of parameters, variables,
outputs and functions (user types followed), `@secure()`, loop items and lambda parameters,
resource properties and module outputs by their declared type. None where the file does not say.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from armlint.bicep import syntax as S
from armlint.bicep.semantic.tree import _is_sys

if TYPE_CHECKING:  # the model builds on this module
    from armlint.bicep.semantic.model import Symbol


@dataclasses.dataclass(frozen=True, slots=True)
class BicepType:
    """A type as the file states it: kind is string, int, bool, null, object, array, resource,
    module or outputs (a module's `outputs` object); `item` is an array's element type;
    `nullable` a `T?`; `secure` a `@secure()` value; `resource_type` a resource's
    `Type@version` when known."""

    kind: str
    item: "BicepType | None" = None
    nullable: bool = False
    secure: bool = False
    resource_type: str | None = None
    module: str | None = None  # for the `outputs` of a module: the module's symbol

    @property
    def is_string(self) -> bool:
        return self.kind == "string" and not self.nullable


STRING = BicepType("string")
INT = BicepType("int")
BOOL = BicepType("bool")
NULL = BicepType("null")
OBJECT = BicepType("object")
ARRAY = BicepType("array")
_NAMED_TYPES = {"string": STRING, "int": INT, "bool": BOOL, "object": OBJECT, "array": ARRAY}
_ARM_TYPES = {"string": STRING, "securestring": BicepType("string", secure=True), "int": INT,
              "bool": BOOL, "object": OBJECT, "secureobject": BicepType("object", secure=True),
              "array": ARRAY}

# Built-in functions whose result is a string (Bicep's own signatures).
STRING_FUNCTIONS = frozenset({
    "format", "uniqueString", "toLower", "toUpper", "substring", "replace", "trim", "string",
    "guid", "newGuid", "base64", "base64ToString", "uri", "uriComponent",
    "uriComponentToString", "padLeft", "dataUri", "dataUriToString", "utcNow", "dateTimeAdd",
    "dateTimeFromEpoch", "join", "loadTextContent", "loadFileAsBase64", "subscriptionResourceId",
    "resourceId", "tenantResourceId", "extensionResourceId", "managementGroupResourceId",
})
# Properties of the deployment's scope objects that are strings.
CONTEXT_STRINGS = {
    "resourceGroup": {"id", "name", "location", "type"},
    "subscription": {"id", "subscriptionId", "tenantId", "displayName"},
    "tenant": {"tenantId", "displayName", "countryCode"},
    "deployment": {"name", "location"},
    "managementGroup": {"id", "name", "type"},
}
RESOURCE_STRINGS = ("name", "id", "type", "apiVersion")
# Lambda functions: the argument positions of their lambdas, and the lambda parameters (by
# position) that are elements of the array given as the first argument.
_ELEMENT_PARAMETER = {"filter": ((1,), (0,)), "map": ((1,), (0,)), "sort": ((1,), (0, 1)),
                      "toObject": ((1, 2), (0,)), "groupBy": ((1,), (0,)),
                      "reduce": ((2,), (1,))}


class TypeInference:
    """The types of expressions, as far as the file says them (a `SemanticModel` mixin: it reads
    the model's symbols, references and parents)."""

    # -- types ---------------------------------------------------------------------------------------
    def type_of(self, e: Any) -> BicepType | None:
        """The type of an expression as far as the file says it (None: the file does not say)."""
        key = id(e)
        if key in self._types:
            return self._types[key]
        if key in self._typing:
            return None  # a cycle (a variable defined through itself): say nothing
        self._typing.add(key)
        try:
            found = self._type_of(e)
        finally:
            self._typing.discard(key)
        self._types[key] = found
        return found

    def _type_of(self, e: Any) -> BicepType | None:
        if isinstance(e, S.String):
            return STRING
        if isinstance(e, S.IntLit):
            return INT
        if isinstance(e, S.BoolLit):
            return BOOL
        if isinstance(e, S.NullLit):
            return NULL
        if isinstance(e, S.Object):
            return OBJECT
        if isinstance(e, S.Array):
            items = {self.type_of(i) for i in e.items if not isinstance(i, S.Spread)}
            item = items.pop() if len(items) == 1 and not any(
                isinstance(i, S.Spread) for i in e.items) else None
            return BicepType("array", item=item)
        if isinstance(e, (S.Paren, S.NonNull)):
            inner = self.type_of(e.expression)
            if isinstance(e, S.NonNull) and inner is not None and inner.nullable:
                return dataclasses.replace(inner, nullable=False)
            return inner
        if isinstance(e, S.Ternary):
            a, b = self.type_of(e.if_true), self.type_of(e.if_false)
            return a if a is not None and a == b else None
        if isinstance(e, S.Unary):
            return BOOL if e.op == "!" else INT
        if isinstance(e, S.Binary):
            if e.op in ("&&", "||", "==", "!=", "=~", "!~", "<", "<=", ">", ">="):
                return BOOL
            if e.op in ("*", "/", "%", "-", "+"):
                return INT
            return None
        if isinstance(e, S.Variable):
            return self._symbol_type(self.resolve(e))
        if isinstance(e, S.Call):
            return self._call_type(e)
        if isinstance(e, S.PropertyAccess):
            return self._property_type(e)
        if isinstance(e, S.IndexAccess):
            base = self.type_of(e.base)
            return base.item if base is not None and base.kind == "array" else None
        if isinstance(e, S.ForExpr):
            body = e.body.body if isinstance(e.body, S.IfCondition) else e.body
            return BicepType("array", item=self.type_of(body))
        return None

    def _symbol_type(self, symbol: Symbol | None) -> BicepType | None:
        if symbol is None:
            return None
        node, kind = symbol.node, symbol.kind
        if kind == "param":
            found = self.declared_type(node.type)
            if found is not None and node.decorator("secure") is not None:
                found = dataclasses.replace(found, secure=True)
            return found
        if kind == "var":
            return self.declared_type(node.type) if node.type is not None else \
                self.type_of(node.value)
        if kind == "resource":
            spec = node.type.value
            return BicepType("resource", resource_type=spec)
        if kind == "module":
            return BicepType("module")
        if kind == "loop-index":
            return INT
        if kind == "loop-item":
            iterable = self.type_of(node.iterable)
            if iterable is None and isinstance(node.iterable, S.Call) and \
                    _is_sys(node.iterable, "range"):
                return INT
            return iterable.item if iterable is not None and iterable.kind == "array" else None
        if kind == "func-param":
            for p in node.params:
                if p.name is symbol.ident:
                    return self.declared_type(p.type)
            return None
        if kind == "lambda-param":
            return self._lambda_param_type(symbol)
        return None

    def _lambda_param_type(self, symbol: Symbol) -> BicepType | None:
        """An element of the array a lambda function ranges over (`map(names, n => ...)`)."""
        lam = symbol.node
        found = self._lambda_of.get(id(lam))
        if found is None:
            return None
        call, position = found
        positions, elements = _ELEMENT_PARAMETER[call.name.name]
        index = next((i for i, p in enumerate(lam.params) if p is symbol.ident), None)
        if position not in positions or index not in elements:
            return None
        collection = self.type_of(call.args[0])
        return collection.item if collection is not None and collection.kind == "array" else None

    def _call_type(self, e: S.Call) -> BicepType | None:
        name = e.name.name
        base = e.base
        if base is not None and not (isinstance(base, S.Variable) and base.name == "sys" and
                                     self.resolve(base) is None):
            return None
        if name == "concat":
            return self._concat_type(e)
        if name in STRING_FUNCTIONS:
            return STRING
        if name == "range":
            return BicepType("array", item=INT)
        symbol = self.symbols.get(name) if base is None else None
        if symbol is not None and symbol.kind == "func":
            return self.declared_type(symbol.node.return_type)
        return None

    def _concat_type(self, e: S.Call) -> BicepType | None:
        """concat() of arrays is an array; of strings (one argument known to be a string, none an
        array) a string."""
        if len(e.args) < 2 or any(isinstance(a, (S.Array, S.Spread)) for a in e.args):
            return None
        if any(self.type_of(a) is not None and self.type_of(a).is_string for a in e.args):
            return STRING
        return None

    def _property_type(self, e: S.PropertyAccess) -> BicepType | None:
        name = e.name.name
        base = e.base
        if isinstance(base, S.Call) and base.base is None and not base.args:
            return STRING if name in CONTEXT_STRINGS.get(base.name.name, ()) else None
        owner = self.type_of(base)
        if owner is None:
            return None
        if owner.kind == "resource":
            return STRING if name in RESOURCE_STRINGS else None
        if owner.kind == "outputs" and self.module_outputs is not None:
            declared = self.module_outputs(owner.module) or {}
            arm_type = declared.get(name)
            return _ARM_TYPES.get(arm_type.lower()) if isinstance(arm_type, str) else None
        if owner.kind == "module" and name == "outputs":
            symbol = self._module_symbol(base)
            return BicepType("outputs", module=symbol.name) if symbol is not None else None
        return None

    def _module_symbol(self, e: Any) -> Symbol | None:
        while isinstance(e, S.IndexAccess):
            e = e.base
        symbol = self.resolve(e) if isinstance(e, S.Variable) else None
        return symbol if symbol is not None and symbol.kind == "module" else None

    def declared_type(self, t: Any, seen: frozenset = frozenset()) -> BicepType | None:
        """The type a type expression names (user types followed)."""
        if isinstance(t, S.TypeRef):
            found = _NAMED_TYPES.get(t.name)
            if found is not None:
                return found
            symbol = self.symbols.get(t.name)
            if symbol is None or symbol.kind != "type" or t.name in seen:
                return None
            return self.declared_type(symbol.node.value, seen | {t.name})
        if isinstance(t, S.TypePropertyAccess):
            if isinstance(t.base, S.TypeRef) and t.base.name == "sys":
                return _NAMED_TYPES.get(t.name.name)
            return None
        if isinstance(t, S.TypeNullable):
            inner = self.declared_type(t.base, seen)
            return dataclasses.replace(inner, nullable=True) if inner is not None else None
        if isinstance(t, S.TypeParen):
            return self.declared_type(t.inner, seen)
        if isinstance(t, S.TypeLiteral):
            return self.type_of(t.value) if isinstance(t.value, (S.String, S.IntLit, S.BoolLit))\
                else None
        if isinstance(t, S.TypeUnion):
            kinds = {self.declared_type(m, seen) for m in t.members}
            return kinds.pop() if len(kinds) == 1 else None
        if isinstance(t, S.TypeArray):
            return BicepType("array", item=self.declared_type(t.item, seen))
        if isinstance(t, S.TypeObject):
            return OBJECT
        if isinstance(t, S.TypeResource):
            return BicepType("resource", resource_type=t.type.value)
        return None
