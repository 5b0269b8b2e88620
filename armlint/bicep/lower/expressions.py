"""Bicep lowering: expressions.

Owns: values (JSON where the Bicep is a literal, an expression string otherwise, each recorded in
the document's position map) and every expression node as the compiler writes it in ARM
(`a ? b : c` is `if(a, b, c)`, `'x${y}'` is `format('x{0}', y)`, loops are `map()` over `range()`,
lambdas `lambda()`), and the compile-time functions that read local files (`loadTextContent`,
`loadFileAsBase64`, `loadJsonContent`) or stand for what they name (`any`, `nameof`).
"""
from __future__ import annotations

import base64
import json
from typing import Any, Callable

from armlint.bicep import syntax as S
from armlint.bicep.lower.common import _call, _lit, expression_string, literal_json
from armlint.expr.ast import Index, Literal, Member, Node as ArmNode
from armlint.source.cidict import CIDict
from armlint.source.files import LOAD_BASE64_BYTES, LOAD_JSON_CHARS, LOAD_TEXT_CHARS, ReadRefused

_BINARY = {"&&": "and", "||": "or", "==": "equals", "+": "add", "-": "sub", "*": "mul",
           "/": "div", "%": "mod", "<": "less", "<=": "lessOrEquals", ">": "greater",
           ">=": "greaterOrEquals", "??": "coalesce"}


# syntax class -> the `_e_<class>` method that lowers it, found once per class (each expression
# node is dispatched: the name built and looked up per node cost more than the lowering of a name)
_HANDLERS: dict[type, Callable] = {}


def _has_spread(items: list) -> bool:
    for item in items:
        if item.__class__ is S.Spread:
            return True
    return False


def _unsupported(lowerer: Any, e: Any) -> ArmNode:
    return _call("__unsupported")


class ExpressionLowering:
    """Bicep expressions into ARM expression nodes and JSON values (a `Lowerer` mixin)."""

    # -- values: JSON where the Bicep is a literal, an expression string otherwise ---------------
    def _arm_value(self, node: ArmNode) -> Any:
        if isinstance(node, Literal):
            return literal_json(node.value)
        return expression_string(node)

    def _value(self, e: S.Expr, pointer: tuple) -> Any:
        cls = e.__class__
        if cls is S.Object and not _has_spread(e.items):
            # filled as a plain dict and copied: CIDict.__setitem__ is Python, the copy is not
            out = {}
            record = self.doc.record
            for item in e.items:
                if item.__class__ is not S.Property:
                    continue
                name = item.name
                if name is None:
                    key = expression_string(self._expr(item.key))
                else:
                    key = "[string('copy')]" if name.lower() == "copy" else literal_json(name)
                at = pointer + (key,)
                out[key] = self._value(item.value, at)
                record(at, item.value, item.key)
            return CIDict(out)
        if cls is S.Array and not _has_spread(e.items):
            out_list = []
            record = self.doc.record
            for i, item in enumerate(e.items):
                at = pointer + (i,)
                out_list.append(self._value(item, at))
                record(at, item)
            return out_list
        if cls is S.Paren:
            return self._value(e.expression, pointer)
        return self._arm_value(self._expr(e))

    # -- expressions ---------------------------------------------------------------------------
    def _expr(self, e: S.Expr | None) -> ArmNode:
        method = _HANDLERS.get(e.__class__)
        if method is None:
            method = _HANDLERS[e.__class__] = getattr(type(self), "_e_" + type(e).__name__,
                                                      _unsupported)
        return method(self, e)

    def _e_IntLit(self, e: S.IntLit) -> ArmNode:
        return _lit(e.value)

    def _e_BoolLit(self, e: S.BoolLit) -> ArmNode:
        return _lit(e.value)

    def _e_NullLit(self, e: S.NullLit) -> ArmNode:
        return _lit(None)

    def _e_ErrorExpr(self, e: S.ErrorExpr) -> ArmNode:
        return _call("__syntaxError")

    def _e_String(self, e: S.String) -> ArmNode:
        if not e.expressions:
            return _lit(e.segments[0])
        fmt = ""
        for i, seg in enumerate(e.segments):
            fmt += seg.replace("{", "{{").replace("}", "}}")
            if i < len(e.expressions):
                fmt += "{" + str(i) + "}"
        return _call("format", _lit(fmt), *(self._expr(x) for x in e.expressions))

    def _e_Paren(self, e: S.Paren) -> ArmNode:
        return self._expr(e.expression)

    def _e_NonNull(self, e: S.NonNull) -> ArmNode:
        return self._expr(e.expression)

    def _e_Array(self, e: S.Array) -> ArmNode:
        if not any(isinstance(i, S.Spread) for i in e.items):
            return _call("createArray", *(self._expr(i) for i in e.items))
        parts, run = [], []
        for item in e.items:
            if isinstance(item, S.Spread):
                if run:
                    parts.append(_call("createArray", *run))
                    run = []
                parts.append(self._expr(item.expression))
            else:
                run.append(self._expr(item))
        if run:
            parts.append(_call("createArray", *run))
        return _call("flatten", _call("createArray", *parts))

    def _e_Object(self, e: S.Object) -> ArmNode:
        parts, run = [], []
        for item in e.items:
            if isinstance(item, S.Spread):
                if run:
                    parts.append(_call("createObject", *run))
                    run = []
                parts.append(self._expr(item.expression))
            elif isinstance(item, S.Property):
                key = _lit(item.name) if item.name is not None else self._expr(item.key)
                run += [key, self._expr(item.value)]
        if not parts:
            return _call("createObject", *run)
        if run:
            parts.append(_call("createObject", *run))
        return _call("shallowMerge", _call("createArray", *parts))

    def _e_Variable(self, e: S.Variable) -> ArmNode:
        for scope in reversed(self.scopes):
            if e.name in scope:
                return scope[e.name]
        sym = self.symbols.get(e.name)
        if sym is None:
            return _call("__unknownSymbol", _lit(e.name))
        if sym.kind == "param":
            return _call("parameters", _lit(e.name))
        if sym.kind == "var":
            return _call("variables", _lit(e.name))
        if sym.kind in ("resource", "module"):
            return _call("reference", _lit(sym.info.symbolic))
        return _call("__import", _lit(e.name))

    def _e_Unary(self, e: S.Unary) -> ArmNode:
        inner = self._expr(e.operand)
        if e.op == "!":
            return _call("not", inner)
        if e.op == "-":
            if isinstance(inner, Literal) and isinstance(inner.value, int):
                return _lit(-inner.value)
            return _call("sub", _lit(0), inner)
        return inner

    def _e_Binary(self, e: S.Binary) -> ArmNode:
        a, b = self._expr(e.left), self._expr(e.right)
        op = e.op
        if op == "!=":
            return _call("not", _call("equals", a, b))
        if op == "=~":
            return _call("equals", _call("toLower", a), _call("toLower", b))
        if op == "!~":
            return _call("not", _call("equals", _call("toLower", a), _call("toLower", b)))
        return _call(_BINARY.get(op, "__operator"), a, b)

    def _e_Ternary(self, e: S.Ternary) -> ArmNode:
        return _call("if", self._expr(e.condition), self._expr(e.if_true), self._expr(e.if_false))

    def _e_PropertyAccess(self, e: S.PropertyAccess) -> ArmNode:
        info = self._resource_symbol(e.base)
        if info is not None and not isinstance(e.base, S.IndexAccess):
            if info.module and e.name.name == "outputs":
                return Member(0, 0, _call("reference", _lit(info.symbolic)), "outputs")
            return self._resource_member(info, e.name.name)
        if isinstance(e.base, S.PropertyAccess) and e.base.name.name == "outputs":
            mod = self._resource_symbol(e.base.base)
            if mod is not None and mod.module:
                return Member(0, 0, Member(0, 0, Member(0, 0, _call("reference", _lit(mod.symbolic)),
                                                        "outputs"), e.name.name), "value")
        base = self._expr(e.base)
        if e.safe:
            return _call("tryGet", base, _lit(e.name.name))
        return Member(0, 0, base, e.name.name)

    def _e_IndexAccess(self, e: S.IndexAccess) -> ArmNode:
        base, index = self._expr(e.base), self._expr(e.index)
        if e.from_end:
            return _call("tryIndexFromEnd" if e.safe else "indexFromEnd", base, index)
        if e.safe:
            return _call("tryGet", base, index)
        return Index(0, 0, base, index)

    def _e_ResourceAccess(self, e: S.ResourceAccess) -> ArmNode:
        info = self._resource_symbol(e)
        if info is not None:
            return _call("reference", _lit(info.symbolic))
        return _call("__unknownSymbol", _lit(e.name.name))

    def _e_Call(self, e: S.Call) -> ArmNode:
        name = e.name.name
        namespace = e.namespace
        if e.base is not None and namespace not in ("sys", "az"):
            info = self._resource_symbol(e.base)
            if info is not None:  # vm.listKeys(), storage.listAccountSas(apiVersion, values)...
                args = [self._expr(a) for a in e.args] or [_lit(info.api or "")]
                return _call(name, self._resource_id(info), *args)
            sym = self.symbols.get(namespace) if namespace else None
            if sym is not None and sym.kind == "namespace":
                return _call("__import", _lit(f"{namespace}.{name}"))
        sym = self.symbols.get(name)
        if sym is not None and sym.kind == "func" and e.base is None:
            return _call(name, *(self._expr(a) for a in e.args), namespace="__bicep")
        special = _COMPILE_TIME.get(name)
        if special is not None:
            return special(self, e)
        return _call(name, *(self._expr(a) for a in e.args))

    def _e_Lambda(self, e: S.Lambda) -> ArmNode:
        names = [p.name for p in e.params]
        self.scopes.append({n: _call("lambdaVariables", _lit(n)) for n in names})
        try:
            body = self._expr(e.body)
        finally:
            self.scopes.pop()
        return _call("lambda", *(_lit(n) for n in names), body)

    def _e_ForExpr(self, e: S.ForExpr) -> ArmNode:
        iterable = self._expr(e.iterable)
        counter = "__i" + str(len(self.scopes))
        index = _call("lambdaVariables", _lit(counter))
        bindings: dict[str, ArmNode] = {}
        if e.item is not None:
            bindings[e.item.name] = Index(0, 0, iterable, index)
        if e.index is not None:
            bindings[e.index.name] = index
        self.scopes.append(bindings)
        try:
            body = e.body.body if isinstance(e.body, S.IfCondition) else e.body
            mapped = self._expr(body)
            keep = self._expr(e.body.condition) if isinstance(e.body, S.IfCondition) else None
        finally:
            self.scopes.pop()
        indexes = _call("range", _lit(0), _call("length", iterable))
        if keep is not None:
            indexes = _call("filter", indexes, _call("lambda", _lit(counter), keep))
        return _call("map", indexes, _call("lambda", _lit(counter), mapped))

    def _e_IfCondition(self, e: S.IfCondition) -> ArmNode:
        return self._expr(e.body)


# --- compile-time functions: read local files, as the Bicep compiler does ----------------------

def _file_arg(e: S.Call) -> S.String | None:
    if e.args and isinstance(e.args[0], S.String) and e.args[0].value is not None:
        return e.args[0]
    return None


def _loaded_text(lowerer: ExpressionLowering, e: S.Call, chars: int) -> str | None:
    """The text of the file a load*() call names, within the compiler's character limit."""
    from armlint.source.text import DecodeError, decode
    node = _file_arg(e)
    if node is None:
        return None
    what = f"{e.name.name}()"
    data = lowerer.read_reference(node, what, 4 * chars + 4)
    if data is None:
        return None
    try:
        text = decode(data).text
    except DecodeError as exc:
        lowerer.refused(node, what, ReadRefused(exc.message))
        return None
    if len(text) > chars:
        lowerer.refused(node, what, ReadRefused(
            f"it has {len(text):,} characters, over the {chars:,} that the Bicep compiler "
            f"allows"))
        return None
    return text


def _load_text(lowerer: ExpressionLowering, e: S.Call) -> ArmNode:
    text = _loaded_text(lowerer, e, LOAD_TEXT_CHARS)
    return _lit(text) if text is not None else _call("loadTextContent")


def _load_base64(lowerer: ExpressionLowering, e: S.Call) -> ArmNode:
    node = _file_arg(e)
    data = lowerer.read_reference(node, "loadFileAsBase64()", LOAD_BASE64_BYTES) \
        if node is not None else None
    if data is None:
        return _call("loadFileAsBase64")
    return _lit(base64.b64encode(data).decode("ascii"))


def _load_json(lowerer: ExpressionLowering, e: S.Call) -> ArmNode:
    text = _loaded_text(lowerer, e, LOAD_JSON_CHARS)
    if text is None:
        return _call("loadJsonContent")
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return _call("loadJsonContent")
    return _call("json", _lit(text))


def _any(lowerer: ExpressionLowering, e: S.Call) -> ArmNode:
    return lowerer._expr(e.args[0]) if e.args else _lit(None)


def _nameof(lowerer: ExpressionLowering, e: S.Call) -> ArmNode:
    arg = e.args[0] if e.args else None
    if isinstance(arg, S.Variable):
        return _lit(arg.name)
    if isinstance(arg, S.PropertyAccess):
        return _lit(arg.name.name)
    return _call("nameof")


_COMPILE_TIME: dict[str, Callable[[ExpressionLowering, S.Call], ArmNode]] = {
    "loadTextContent": _load_text,
    "loadFileAsBase64": _load_base64,
    "loadJsonContent": _load_json,
    "any": _any,
    "nameof": _nameof,
}
