"""Bicep lowering: resources, modules and loops.

Owns: resources keyed by symbolic name (full type and name, parent, scope, dependsOn, condition
and copy loop), modules as nested deployments with an inline template (local modules loaded
through the `ModuleLoader`, registry and template-spec modules without one) and their scope, the
files a Bicep file names (confined to its project; a refusal is a `BicepError`), and what a
resource symbol means in an expression (its name, `resourceId()`, `reference()`).
"""
from __future__ import annotations

import contextlib
from typing import Any

from armlint.bicep import syntax as S
from armlint.bicep.document import BicepError
from armlint.bicep.lower.common import (DEPLOYMENTS, DEPLOYMENTS_API, _ResourceInfo, _call, _lit,
                                        expression_string)
from armlint.expr.ast import Index, Member, Node as ArmNode, canonical
from armlint.source.cidict import CIDict
from armlint.source.files import ReadRefused

_RESOURCE_SPECIAL = {"name", "parent", "scope", "dependsOn"}


class ResourceLowering:
    """Resources, modules, loops and the resource symbols expressions name (a `Lowerer` mixin)."""

    # -- resources and modules -----------------------------------------------------------------
    def _loop_bindings(self, loop: S.ForExpr, counter: ArmNode) -> dict[str, ArmNode]:
        iterable = self._expr(loop.iterable)
        bindings: dict[str, ArmNode] = {}
        if loop.item is not None:
            bindings[loop.item.name] = Index(0, 0, iterable, counter)
        if loop.index is not None:
            bindings[loop.index.name] = counter
        return bindings

    @contextlib.contextmanager
    def _loop_scope(self, loop: S.ForExpr | None):
        """The loop variables of a resource or module loop, bound to copyIndex() inside it."""
        if loop is None:
            yield
            return
        bindings = self._loop_bindings(loop, _call("copyIndex"))
        for name, node in bindings.items():  # messages show the loop's names, not their ARM
            self.doc.names.setdefault(canonical(node), name)
        self.scopes.append(bindings)
        try:
            yield
        finally:
            self.scopes.pop()

    def _copy(self, raw: CIDict, key: str, loop: S.ForExpr | None, pointer: tuple) -> None:
        if loop is not None:
            raw["copy"] = CIDict(name=key, count=expression_string(
                _call("length", self._expr(loop.iterable))))
            self.doc.record(pointer + ("copy",), loop)

    def _resource(self, st: S.Resource, parent: _ResourceInfo | None, parent_cond: ArmNode | None,
                  key: str) -> None:
        symbol = self.symbols[key]
        info: _ResourceInfo = symbol.info
        body = st.object
        pointer = ("resources", key)
        raw = CIDict()
        self.doc.record(pointer, st, st.name)
        loop = st.loop
        with self._loop_scope(loop):
            if st.existing:
                raw["existing"] = True
            raw["type"] = info.type
            self.doc.record(pointer + ("type",), st.type)
            if info.api:
                raw["apiVersion"] = info.api
                self.doc.record(pointer + ("apiVersion",), st.type)
            condition = self._expr(st.condition) if st.condition is not None else None
            if parent_cond is not None:
                condition = _call("and", parent_cond, condition) if condition is not None \
                    else parent_cond
            if condition is not None:
                raw["condition"] = self._arm_value(condition)
                self.doc.record(pointer + ("condition",), st.condition or st)
            self._copy(raw, key, loop, pointer)
            parent_info = info.parent
            name_ast = self._own_name(info)
            if parent_info is not None:
                name_ast = _call("format", _lit("{0}/{1}"), self._name_of(parent_info), name_ast)
            info.name_ast = name_ast
            name_prop = body.get("name") if body is not None else None
            raw["name"] = self._arm_value(name_ast)
            self.doc.record(pointer + ("name",), name_prop.value if name_prop else st.name,
                            name_prop.key if name_prop else None)
            if body is not None:
                for item in body.items:
                    if not isinstance(item, S.Property):
                        continue
                    pname = item.name
                    if pname is None or pname in ("name", "parent"):
                        continue
                    ppointer = pointer + (pname,)
                    if pname == "scope":
                        scope = self._scope_value(item.value)
                        if scope is not None:
                            raw["scope"] = scope
                            self.doc.record(ppointer, item.value, item.key)
                        continue
                    if pname == "dependsOn":
                        raw["dependsOn"] = self._depends_on(item.value)
                        self.doc.record(ppointer, item.value, item.key)
                        continue
                    raw[pname] = self._value(item.value, ppointer)
                    self.doc.record(ppointer, item.value, item.key)
            self.resources[key] = raw
        if body is not None:
            for nested in body.resources:
                self._resource(nested, info, condition, f"{key}::{nested.name.name}")

    def _module(self, st: S.Module) -> None:
        key = st.name.name
        info: _ResourceInfo = self.symbols[key].info
        body = st.object
        pointer = ("resources", key)
        raw = CIDict()
        self.doc.record(pointer, st, st.name)
        loop = st.loop
        with self._loop_scope(loop):
            raw["type"] = DEPLOYMENTS
            raw["apiVersion"] = DEPLOYMENTS_API
            self.doc.record(pointer + ("type",), st.path)
            if st.condition is not None:
                raw["condition"] = self._value(st.condition, pointer + ("condition",))
                self.doc.record(pointer + ("condition",), st.condition)
            self._copy(raw, key, loop, pointer)
            name_prop = body.get("name") if body is not None else None
            if name_prop is not None:
                name_ast = self._expr(name_prop.value)
            elif loop is not None:  # the name the compiler gives a module without one
                name_ast = _call("format", _lit(key + "-{0}-{1}"), _call("copyIndex"),
                                 _call("uniqueString", _lit(key), Member(0, 0, _call("deployment"),
                                                                         "name")))
            else:
                name_ast = _call("format", _lit(key + "-{0}"), _call(
                    "uniqueString", _lit(key), Member(0, 0, _call("deployment"), "name")))
            info.name_ast = info.own_name = name_ast
            raw["name"] = self._arm_value(name_ast)
            self.doc.record(pointer + ("name",), name_prop.value if name_prop else st.name)
            props = CIDict()
            props["expressionEvaluationOptions"] = CIDict(scope="inner")
            props["mode"] = "Incremental"
            params = CIDict()
            params_prop = body.get("params") if body is not None else None
            if params_prop is not None and isinstance(params_prop.value, S.Object):
                for item in params_prop.value.properties:
                    if item.name is None:
                        continue
                    ppointer = pointer + ("properties", "parameters", item.name)
                    entry = CIDict()
                    entry["value"] = self._value(item.value, ppointer + ("value",))
                    params[item.name] = entry
                    self.doc.record(ppointer, item.value, item.key)
                    self.doc.record(ppointer + ("value",), item.value)
            elif params_prop is not None:
                params = self._value(params_prop.value, pointer + ("properties", "parameters"))
            props["parameters"] = params
            template = self._module_template(st.path)
            if template is not None:
                props["template"] = template
            raw["properties"] = props
            self.doc.record(pointer + ("properties",), body or st)
            self.doc.record(pointer + ("properties", "template"), st.path)
            if body is not None:
                scope_prop = body.get("scope")
                if scope_prop is not None:
                    self._module_scope(raw, scope_prop.value)
                deps = body.get("dependsOn")
                if deps is not None:
                    raw["dependsOn"] = self._depends_on(deps.value)
            self.resources[key] = raw

    def _module_template(self, node: S.String) -> Any | None:
        reference = node.value or ""
        low = reference.lower()
        if not reference or low.startswith(("br:", "br/", "ts:", "ts/")):
            return None  # registry and template-spec modules: armlint never touches the network
        path = self.base_dir / reference
        try:
            self.confinement.check(path)
            return self.loader.load(path)
        except ReadRefused as exc:
            self.refused(node, "the module", exc)
            return None

    def _vet_local(self, node: S.String, what: str) -> None:
        """A problem on the literal when the local file it names would not be read."""
        low = (node.value or "").lower()
        if low.startswith(("br:", "br/", "ts:", "ts/")):
            return
        try:
            self.confinement.vet(self.base_dir / (node.value or ""))
        except ReadRefused as exc:
            self.refused(node, what, exc)

    def read_reference(self, node: S.String, what: str, max_bytes: int) -> bytes | None:
        """The bytes of the local file a string literal names (a load*() argument), or None
        (and a problem on the literal) when it is refused."""
        try:
            return self.confinement.read(self.base_dir / (node.value or ""), max_bytes)
        except ReadRefused as exc:
            self.refused(node, what, exc)
            return None

    def refused(self, node: S.Node, what: str, exc: ReadRefused) -> None:
        if exc.missing:
            return  # a file that is not there (a corpus without its scripts): the value is unknown
        self.doc.problems.append(BicepError(f"{what} '{getattr(node, 'value', '')}' is not read: "
                                            f"{exc.reason}", node.start, node.end))

    def _module_scope(self, raw: CIDict, value: S.Expr) -> None:
        if isinstance(value, S.Call):
            fn = value.name.name
            args = [self._expr(a) for a in value.args]
            if fn == "resourceGroup" and args:
                raw["resourceGroup"] = self._arm_value(args[-1])
                if len(args) > 1:
                    raw["subscriptionId"] = self._arm_value(args[0])
            elif fn == "subscription" and args:
                raw["subscriptionId"] = self._arm_value(args[0])
            elif fn == "managementGroup" and args:
                raw["scope"] = self._arm_value(_call(
                    "format", _lit("Microsoft.Management/managementGroups/{0}"), args[0]))

    def _depends_on(self, value: S.Expr) -> list:
        out = []
        items = value.items if isinstance(value, S.Array) else []
        for item in items:
            info = self._resource_symbol(item)
            if info is not None:
                out.append(info.symbolic)
        return out

    def _scope_value(self, value: S.Expr) -> Any:
        info = self._resource_symbol(value)
        if info is not None:
            return self._arm_value(self._relative_id(info))
        if isinstance(value, S.Call):
            return None  # resourceGroup(), subscription(): the deployment's own scope
        return self._value(value, ())

    # -- resource symbols in expressions -------------------------------------------------------
    def _resource_symbol(self, e: S.Expr | None) -> _ResourceInfo | None:
        if isinstance(e, S.Variable):
            if any(e.name in scope for scope in self.scopes):
                return None  # a loop or lambda variable shadows the declaration
            sym = self.symbols.get(e.name)
            if sym is not None and sym.kind in ("resource", "module"):
                return sym.info
        if isinstance(e, S.ResourceAccess):
            key = self._access_key(e)
            sym = self.symbols.get(key) if key else None
            if sym is not None:
                return sym.info
        if isinstance(e, S.IndexAccess):
            return self._resource_symbol(e.base)
        return None

    def _access_key(self, e: S.Expr) -> str | None:
        if isinstance(e, S.Variable):
            return e.name
        if isinstance(e, S.ResourceAccess):
            base = self._access_key(e.base)
            return f"{base}::{e.name.name}" if base else None
        return None

    def _own_name(self, info: _ResourceInfo) -> ArmNode:
        """The resource's `name:` as written: what `symbol.name` means in Bicep."""
        if info.own_name is None:
            st = self.symbols[info.symbolic].node
            body = st.object if st is not None else None
            name_prop = body.get("name") if body is not None else None
            loop = st.loop if st is not None else None
            if loop is not None and self._loop_bound(loop):
                loop = None  # asked from inside the loop itself: its variables are bound already
            with self._loop_scope(loop):
                info.own_name = self._expr(name_prop.value) if name_prop else _lit(info.symbolic)
        return info.own_name

    def _loop_bound(self, loop: S.ForExpr) -> bool:
        names = {n.name for n in (loop.item, loop.index) if n is not None}
        return any(names & scope.keys() for scope in self.scopes)

    def _name_of(self, info: _ResourceInfo) -> ArmNode:
        """The full name (`parent/child` for children), as the template's `name`."""
        if info.name_ast is None:  # used before its declaration: build it now
            ast = self._own_name(info)
            if info.parent is not None:
                ast = _call("format", _lit("{0}/{1}"), self._name_of(info.parent), ast)
            info.name_ast = ast
        return info.name_ast

    def _name_segments(self, info: _ResourceInfo) -> list[ArmNode]:
        if info.parent is not None:
            return self._name_segments(info.parent) + [self._own_name(info)]
        return [self._own_name(info)]

    def _relative_id(self, info: _ResourceInfo) -> ArmNode:
        segments = info.type.split("/")
        fmt = "/".join(segments[:2]) + "/{0}"
        for i, extra in enumerate(segments[2:], start=1):
            fmt += f"/{extra}/{{{i}}}"
        return _call("format", _lit(fmt), *self._name_segments(info))

    def _resource_id(self, info: _ResourceInfo) -> ArmNode:
        return _call("resourceId", _lit(info.type), *self._name_segments(info))

    def _resource_member(self, info: _ResourceInfo, name: str) -> ArmNode:
        if info.module:
            return Member(0, 0, _call("reference", _lit(info.symbolic)), name)
        if name == "id":
            return self._resource_id(info)
        if name == "name":
            return self._own_name(info)
        if name == "type":
            return _lit(info.type)
        if name == "apiVersion" and info.api:
            return _lit(info.api)
        target = _call("reference", _lit(info.symbolic), _lit(info.api or ""), _lit("full"))
        return Member(0, 0, target, name)
