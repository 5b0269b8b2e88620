"""Lower a parsed Bicep file into the template model's input: an ARM template object.

Owns: turning Bicep declarations into the template shape the compiler emits (languageVersion 2.0:
parameters with types and decorators, variables, user functions, resources keyed by symbolic name
with full types and names, conditions and loops, modules as nested deployments with an inline
template and inner scope, outputs), and Bicep expressions into ARM expressions (`a ? b : c` is
`if(a, b, c)`, `'x${y}'` is `format('x{0}', y)`, `vm.id` is `resourceId(...)`...). Every value it
emits is recorded in the document's position map with the span of the Bicep that produced it, so
a finding points at the Bicep source. Local modules are loaded through a `ModuleLoader` (once
each); registry and template-spec modules stay without a template (armlint never touches the
network).
"""
from __future__ import annotations

import base64
import contextlib
import json
import os
from pathlib import Path
from typing import Any, Callable

from ..expr.ast import Call, Index, Literal, Member, Node as ArmNode, arm_text
from ..expr.parser import remember
from ..source.cidict import CIDict
from ..source.files import (LOAD_BASE64_BYTES, LOAD_JSON_CHARS, LOAD_TEXT_CHARS, Confinement,
                            ReadRefused, project_root, read_file)
from . import syntax as S
from .document import BicepDocument, BicepError

SCHEMAS = {
    "resourceGroup": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "subscription": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
    "managementGroup": "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
    "tenant": "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#",
}
PARAMETERS_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"
DEPLOYMENTS = "Microsoft.Resources/deployments"
DEPLOYMENTS_API = "2025-04-01"  # what the current Bicep compiler emits for modules
_BINARY = {"&&": "and", "||": "or", "==": "equals", "+": "add", "-": "sub", "*": "mul",
           "/": "div", "%": "mod", "<": "less", "<=": "lessOrEquals", ">": "greater",
           ">=": "greaterOrEquals", "??": "coalesce"}
_DECORATOR_KEYS = {"minLength": "minLength", "maxLength": "maxLength", "minValue": "minValue",
                   "maxValue": "maxValue"}
_RESOURCE_SPECIAL = {"name", "parent", "scope", "dependsOn"}


def _secured(type_name: str, st) -> str:
    """The ARM type of a declaration: `@secure()` makes string and object securestring and
    secureObject, as the compiler writes them."""
    if st.decorator("secure") is None:
        return type_name
    return {"string": "securestring", "object": "secureObject"}.get(type_name, type_name)


def _lit(value: Any) -> Literal:
    return Literal(0, 0, value)


def _call(name: str, *args: ArmNode, namespace: str | None = None) -> Call:
    return Call(0, 0, name, list(args), namespace)


def expression_string(node: ArmNode) -> str:
    text = "[" + arm_text(node) + "]"
    remember(text, node)  # the evaluator will not parse the text again
    return text


def literal_json(value: Any) -> Any:
    """A literal as JSON: strings that would read as expressions get the `[[` escape."""
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        return "[" + value
    return value


class _Symbol:
    __slots__ = ("kind", "name", "node", "info")

    def __init__(self, kind: str, name: str, node: Any = None, info: Any = None):
        self.kind, self.name, self.node, self.info = kind, name, node, info


class _ResourceInfo:
    __slots__ = ("type", "api", "name_ast", "own_name", "symbolic", "parent", "loop", "existing",
                 "module")

    def __init__(self, rtype, api, name_ast, symbolic, parent=None, loop=None, existing=False,
                 module=False):
        self.type, self.api, self.name_ast, self.symbolic = rtype, api, name_ast, symbolic
        self.parent, self.loop, self.existing, self.module = parent, loop, existing, module
        self.own_name = None  # the `name:` as written (what `symbol.name` means in Bicep)


class ModuleLoader:
    """Parses and lowers each Bicep file once per run, whether it is linted itself or used as a
    local module by another file (JSON modules are read as they are). `confinement_for(path)`
    gives the folders the files a Bicep file names (modules, load*() files) may lie in.
    `unsaved` maps absolute paths to the text an editor holds for them, read instead of the file;
    `read` is the set of module files loaded (absolute paths)."""

    def __init__(self, confinement_for: Callable[[Path | None], Confinement] | None = None,
                 unsaved: dict[str, str] | None = None):
        self._cache: dict[str, Any] = {}
        self._loading: set[str] = set()
        self.confinement_for = confinement_for or default_confinement
        self.unsaved = unsaved or {}
        self.read: set[str] = set()

    def load(self, path: Path) -> Any | None:
        """The template of a module file (its `origin` names the file's document), or None for a
        module that reaches itself. Raises ReadRefused for a file that cannot be read."""
        key = os.path.abspath(path)
        if key in self._cache:
            return self._cache[key]
        if key in self._loading:
            return None  # a cycle
        self._loading.add(key)
        self.read.add(key)
        try:
            value = self._read(path)
        finally:
            self._loading.discard(key)
        self._cache[key] = value
        return value

    def lowered(self, path: Path | None, text: str) -> tuple[BicepDocument, CIDict]:
        """The document and template of a Bicep file being linted, shared with its module uses."""
        key = os.path.abspath(path) if path is not None else None
        cached = self._cache.get(key) if key else None
        if cached is not None and cached.origin.doc.text == text:
            return cached.origin.doc, cached
        from .parser import parse
        from ..expr.values import Origin
        doc = BicepDocument(text, parse(text), path)
        if key:
            self._loading.add(key)
        try:
            value = lower_template(doc, self)
        finally:
            if key:
                self._loading.discard(key)
        value.origin = Origin(doc, ())
        if key:
            self._cache[key] = value
        return doc, value

    def _read(self, path: Path) -> Any | None:
        from ..source import jsonc
        from ..source.text import DecodeError, decode
        from ..expr.values import Origin
        text = self.unsaved.get(os.path.abspath(path))
        try:
            if text is None:
                text = decode(read_file(path)).text
        except DecodeError as exc:
            raise ReadRefused(exc.message) from None
        if path.suffix.lower() == ".bicep":
            from .parser import parse
            doc = BicepDocument(text, parse(text), path)
            value = lower_template(doc, self)
        else:
            doc = jsonc.load(text)
            value = doc.value if doc.ok and isinstance(doc.value, dict) else None
            if value is None:
                return None
            doc.path = path
            value = CIDict(value)
        value.origin = Origin(doc, ())
        return value


_confinements: dict[str, Confinement] = {}


def default_confinement(path: Path | None) -> Confinement:
    """The project of a Bicep file when no run says otherwise (a library caller, a test): its
    configuration folder or version-control root, else its own folder."""
    folder = os.path.dirname(os.path.abspath(path)) if path is not None else os.getcwd()
    found = _confinements.get(folder)
    if found is None:
        found = _confinements[folder] = Confinement([project_root(folder)])
    return found


class Lowerer:
    def __init__(self, doc: BicepDocument, loader: ModuleLoader | None = None):
        self.doc = doc
        self.tree = doc.tree
        self.loader = loader or ModuleLoader()
        self.base_dir = doc.path.parent if doc.path else Path.cwd()
        self.confinement = self.loader.confinement_for(doc.path)
        doc.confinement = self.confinement
        self.symbols: dict[str, _Symbol] = {}
        self.types: dict[str, S.TypeDecl] = {}
        self.scopes: list[dict[str, ArmNode]] = []  # loop and lambda variables, innermost last
        self.template = CIDict()
        self.resources = CIDict()

    # -- entry points ---------------------------------------------------------------------------
    def lower(self) -> CIDict:
        t = self.template
        scope = "resourceGroup"
        for st in self.tree.statements:
            self._declare(st)
            if isinstance(st, S.TargetScope) and isinstance(st.value, S.String) and st.value.value:
                scope = st.value.value
        self._link_parents()
        t["$schema"] = SCHEMAS.get(scope, SCHEMAS["resourceGroup"])
        t["languageVersion"] = "2.0"
        t["contentVersion"] = "1.0.0.0"
        for st in self.tree.statements:
            try:
                self._statement(st)
            except _Skip:
                continue
        t["resources"] = self.resources
        self.doc.record(("resources",), None)
        return t

    def lower_parameter_file(self) -> CIDict:
        out = CIDict()
        out["$schema"] = PARAMETERS_SCHEMA
        out["contentVersion"] = "1.0.0.0"
        params = CIDict()
        for st in self.tree.statements:
            if isinstance(st, S.Using) and st.path is not None and st.path.value:
                out["using"] = st.path.value
                self.doc.record(("using",), st.path)
                self._vet_local(st.path, "the template `using` names")
            if isinstance(st, S.Extends) and st.path is not None and st.path.value:
                self._vet_local(st.path, "the parameter file `extends` names")
            if isinstance(st, S.Param) and st.default is not None:
                name = st.name.name
                entry = CIDict()
                entry["value"] = self._value(st.default, ("parameters", name, "value"))
                params[name] = entry
                self.doc.record(("parameters", name), st, st.name)
        out["parameters"] = params
        self.doc.record(("parameters",), None)
        return out

    # -- declarations ----------------------------------------------------------------------------
    def _declare(self, st: S.Statement) -> None:
        if isinstance(st, S.Param):
            self.symbols[st.name.name] = _Symbol("param", st.name.name, st)
        elif isinstance(st, S.Var):
            self.symbols[st.name.name] = _Symbol("var", st.name.name, st)
        elif isinstance(st, S.Func):
            self.symbols[st.name.name] = _Symbol("func", st.name.name, st)
        elif isinstance(st, S.TypeDecl):
            self.types[st.name.name] = st
        elif isinstance(st, S.Resource):
            self._declare_resource(st, None, st.name.name)
        elif isinstance(st, S.Module):
            self.symbols[st.name.name] = _Symbol("module", st.name.name, st, _ResourceInfo(
                DEPLOYMENTS, DEPLOYMENTS_API, None, st.name.name, module=True, loop=st.loop))
        elif isinstance(st, S.ImportWildcard):
            self.symbols[st.alias.name] = _Symbol("namespace", st.alias.name, st)
        elif isinstance(st, S.ImportSymbols):
            for item in st.items:
                if item.alias is not None:
                    name = item.alias.name
                else:
                    name = item.name.name if isinstance(item.name, S.Identifier) else item.name.value
                if name:
                    self.symbols[name] = _Symbol("import", name, item)
        elif isinstance(st, (S.Extension, S.ImportLegacy)) and st.alias is not None:
            self.symbols[st.alias.name] = _Symbol("namespace", st.alias.name, st)

    def _declare_resource(self, st: S.Resource, parent: _ResourceInfo | None, key: str) -> None:
        type_text = st.type.value or ""
        rtype, _, api = type_text.partition("@")
        if parent is not None and "/" not in rtype.split("/", 1)[0] and "." not in rtype.split("/")[0]:
            rtype = f"{parent.type}/{rtype}"
            api = api or parent.api
        info = _ResourceInfo(rtype, api or None, None, key, parent, st.loop, st.existing)
        self.symbols[key] = _Symbol("resource", key, st, info)
        body = st.object
        if body is not None:
            for nested in body.resources:
                self._declare_resource(nested, info, f"{key}::{nested.name.name}")

    def _link_parents(self) -> None:
        """Resources with a `parent:` property get that resource as their parent (names and IDs
        then have one segment per level, as the compiler writes them)."""
        for sym in list(self.symbols.values()):
            if sym.kind != "resource" or sym.info.parent is not None:
                continue
            body = sym.node.object
            prop = body.get("parent") if body is not None else None
            if prop is not None:
                target = self._resource_symbol(prop.value)
                if target is not None and target is not sym.info:
                    sym.info.parent = target

    # -- statements ------------------------------------------------------------------------------
    def _statement(self, st: S.Statement) -> None:
        t = self.template
        if isinstance(st, S.Metadata):
            meta = t.setdefault("metadata", CIDict())
            meta[st.name.name] = self._value(st.value, ("metadata", st.name.name))
            self.doc.record(("metadata", st.name.name), st.value, st.name)
        elif isinstance(st, S.Param):
            params = t.setdefault("parameters", CIDict())
            params[st.name.name] = self._param(st)
        elif isinstance(st, S.Var):
            variables = t.setdefault("variables", CIDict())
            variables[st.name.name] = self._value(st.value, ("variables", st.name.name))
            self.doc.record(("variables", st.name.name), st.value, st.name)
        elif isinstance(st, S.Func):
            self._func(st)
        elif isinstance(st, S.Resource):
            self._resource(st, None, None, st.name.name)
        elif isinstance(st, S.Module):
            self._module(st)
        elif isinstance(st, S.Output):
            outputs = t.setdefault("outputs", CIDict())
            entry = CIDict()
            entry["type"] = _secured(self._type_name(st.type), st)  # a secure output is not logged
            entry["value"] = self._value(st.value, ("outputs", st.name.name, "value"))
            outputs[st.name.name] = entry
            self.doc.record(("outputs", st.name.name), st, st.name)
            self.doc.record(("outputs", st.name.name, "type"), st.type or st.name)

    # -- parameters -------------------------------------------------------------------------------
    def _param(self, st: S.Param) -> CIDict:
        name = st.name.name
        pointer = ("parameters", name)
        decl = CIDict()
        ptype, allowed, nullable = self._type_info(st.type)
        decl["type"] = _secured(ptype, st)
        self.doc.record(pointer, st, st.name)
        self.doc.record(pointer + ("type",), st.type or st.name)
        if nullable:
            decl["nullable"] = True
        if st.default is not None:
            decl["defaultValue"] = self._value(st.default, pointer + ("defaultValue",))
            self.doc.record(pointer + ("defaultValue",), st.default)
        dec = st.decorator("allowed")
        if dec is not None and dec.args:
            decl["allowedValues"] = self._value(dec.args[0], pointer + ("allowedValues",))
            self.doc.record(pointer + ("allowedValues",), dec)
        elif allowed:
            decl["allowedValues"] = allowed
        for dname, key in _DECORATOR_KEYS.items():
            dec = st.decorator(dname)
            if dec is not None and dec.args:
                decl[key] = self._value(dec.args[0], pointer + (key,))
                self.doc.record(pointer + (key,), dec)
        meta = CIDict()
        dec = st.decorator("metadata")
        if dec is not None and dec.args:
            value = self._value(dec.args[0], pointer + ("metadata",))
            if isinstance(value, dict):
                meta.update(value)
        dec = st.decorator("description")
        if dec is not None and dec.args:
            meta["description"] = self._value(dec.args[0], pointer + ("metadata", "description"))
            self.doc.record(pointer + ("metadata", "description"), dec)
        if meta:
            decl["metadata"] = meta
            self.doc.record(pointer + ("metadata",), st.decorator("description") or
                            st.decorator("metadata"))
        return decl

    def _type_info(self, texpr: S.TypeExpr | None, depth: int = 0) -> tuple[str, list, bool]:
        """(ARM type, allowed literal values, nullable) of a Bicep type expression."""
        if texpr is None or depth > 20:
            return "object", [], False
        if isinstance(texpr, S.TypeNullable):
            t, allowed, _ = self._type_info(texpr.base, depth + 1)
            return t, allowed, True
        if isinstance(texpr, S.TypeParen):
            return self._type_info(texpr.inner, depth + 1)
        if isinstance(texpr, S.TypeRef):
            if texpr.name in ("string", "int", "bool", "array", "object"):
                return texpr.name, [], False
            if texpr.name in self.types:
                return self._type_info(self.types[texpr.name].value, depth + 1)
            return "object", [], False
        if isinstance(texpr, S.TypePropertyAccess) and isinstance(texpr.base, S.TypeRef) and \
                texpr.base.name == "sys":
            return self._type_info(S.TypeRef(texpr.start, texpr.end, texpr.name.name), depth + 1)
        if isinstance(texpr, S.TypeLiteral):
            v = texpr.value
            if isinstance(v, S.String):
                return "string", [v.value], False
            if isinstance(v, S.IntLit):
                return "int", [v.value], False
            if isinstance(v, S.BoolLit):
                return "bool", [v.value], False
            return "object", [], False
        if isinstance(texpr, S.TypeUnion):
            infos = [self._type_info(m, depth + 1) for m in texpr.members]
            nullable = any(isinstance(m, S.TypeLiteral) and isinstance(m.value, S.NullLit)
                           for m in texpr.members)
            kinds = {t for t, _, _ in infos if t != "object"} or {"object"}
            allowed = [a for _, al, _ in infos for a in al]
            return (kinds.pop() if len(kinds) == 1 else "object"), allowed, nullable
        if isinstance(texpr, (S.TypeArray, S.TypeTuple, S.TypeItemsAccess)):
            return "array", [], False
        if isinstance(texpr, S.TypeResource):
            return "string", [], False
        return "object", [], False

    def _type_name(self, texpr: S.TypeExpr | None) -> str:
        return self._type_info(texpr)[0]

    # -- user functions ----------------------------------------------------------------------
    def _func(self, st: S.Func) -> None:
        functions = self.template.setdefault("functions", [])
        if not functions:
            functions.append(CIDict(namespace="__bicep", members=CIDict()))
        self.scopes.append({p.name.name: _call("parameters", _lit(p.name.name))
                            for p in st.params})
        try:
            body = self._expr(st.body)
        finally:
            self.scopes.pop()
        member = CIDict()
        member["parameters"] = [CIDict(name=p.name.name, type=self._type_name(p.type))
                                for p in st.params]
        member["output"] = CIDict(type=self._type_name(st.return_type), value=expression_string(body))
        functions[0]["members"][st.name.name] = member

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
        self.scopes.append(self._loop_bindings(loop, _call("copyIndex")))
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
        try:
            self.confinement.check(self.base_dir / reference)
            return self.loader.load(self.base_dir / reference)
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

    # -- values: JSON where the Bicep is a literal, an expression string otherwise ---------------
    def _arm_value(self, node: ArmNode) -> Any:
        if isinstance(node, Literal):
            return literal_json(node.value)
        return expression_string(node)

    def _value(self, e: S.Expr, pointer: tuple) -> Any:
        if isinstance(e, S.Object) and not any(isinstance(i, S.Spread) for i in e.items):
            out = CIDict()
            for item in e.items:
                if not isinstance(item, S.Property):
                    continue
                name = item.name
                if name is None:
                    key = expression_string(self._expr(item.key))
                else:
                    key = "[string('copy')]" if name.lower() == "copy" else literal_json(name)
                out[key] = self._value(item.value, pointer + (key,))
                self.doc.record(pointer + (key,), item.value, item.key)
            return out
        if isinstance(e, S.Array) and not any(isinstance(i, S.Spread) for i in e.items):
            out_list = []
            for i, item in enumerate(e.items):
                out_list.append(self._value(item, pointer + (i,)))
                self.doc.record(pointer + (i,), item)
            return out_list
        if isinstance(e, S.Paren):
            return self._value(e.expression, pointer)
        return self._arm_value(self._expr(e))

    # -- expressions ---------------------------------------------------------------------------
    def _expr(self, e: S.Expr | None) -> ArmNode:
        method = getattr(self, "_e_" + type(e).__name__, None)
        if method is None:
            return _call("__unsupported")
        return method(e)

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


class _Skip(Exception):
    pass


# --- compile-time functions: read local files, as the Bicep compiler does ----------------------

def _file_arg(e: S.Call) -> S.String | None:
    if e.args and isinstance(e.args[0], S.String) and e.args[0].value is not None:
        return e.args[0]
    return None


def _loaded_text(lowerer: Lowerer, e: S.Call, chars: int) -> str | None:
    """The text of the file a load*() call names, within the compiler's character limit."""
    from ..source.text import DecodeError, decode
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


def _load_text(lowerer: Lowerer, e: S.Call) -> ArmNode:
    text = _loaded_text(lowerer, e, LOAD_TEXT_CHARS)
    return _lit(text) if text is not None else _call("loadTextContent")


def _load_base64(lowerer: Lowerer, e: S.Call) -> ArmNode:
    node = _file_arg(e)
    data = lowerer.read_reference(node, "loadFileAsBase64()", LOAD_BASE64_BYTES) \
        if node is not None else None
    if data is None:
        return _call("loadFileAsBase64")
    return _lit(base64.b64encode(data).decode("ascii"))


def _load_json(lowerer: Lowerer, e: S.Call) -> ArmNode:
    text = _loaded_text(lowerer, e, LOAD_JSON_CHARS)
    if text is None:
        return _call("loadJsonContent")
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return _call("loadJsonContent")
    return _call("json", _lit(text))


def _any(lowerer: Lowerer, e: S.Call) -> ArmNode:
    return lowerer._expr(e.args[0]) if e.args else _lit(None)


def _nameof(lowerer: Lowerer, e: S.Call) -> ArmNode:
    arg = e.args[0] if e.args else None
    if isinstance(arg, S.Variable):
        return _lit(arg.name)
    if isinstance(arg, S.PropertyAccess):
        return _lit(arg.name.name)
    return _call("nameof")


_COMPILE_TIME: dict[str, Callable[[Lowerer, S.Call], ArmNode]] = {
    "loadTextContent": _load_text,
    "loadFileAsBase64": _load_base64,
    "loadJsonContent": _load_json,
    "any": _any,
    "nameof": _nameof,
}


def lower_template(doc: BicepDocument, loader: ModuleLoader | None = None) -> CIDict:
    value = Lowerer(doc, loader).lower()
    doc.value = value
    return value


def lower_parameter_file(doc: BicepDocument, loader: ModuleLoader | None = None) -> CIDict:
    value = Lowerer(doc, loader).lower_parameter_file()
    doc.value = value
    return value
