"""Bicep lowering: a document's declarations into a template or a parameter file.

Owns: `Lowerer`, which walks a file's statements twice (declaring every symbol, then lowering each
statement), chooses the schema from `targetScope`, and lowers metadata, parameters (types,
decorators, allowed values, nullable types), variables, user functions and outputs;
`lower_template` and `lower_parameter_file` (a `.bicepparam` file's `using` and values). Resources,
modules and expressions are lowered by the mixins of `resources` and `expressions`.
"""
from __future__ import annotations

from pathlib import Path

from armlint.bicep import syntax as S
from armlint.bicep.document import BicepDocument
from armlint.bicep.lower.common import (DEPLOYMENTS, DEPLOYMENTS_API, PARAMETERS_SCHEMA, SCHEMAS,
                                        _ResourceInfo, _Skip, _Symbol, _call, _lit, _secured,
                                        expression_string)
from armlint.bicep.lower.expressions import ExpressionLowering
from armlint.bicep.lower.loader import ModuleLoader
from armlint.bicep.lower.resources import ResourceLowering
from armlint.expr.ast import Node as ArmNode
from armlint.source.cidict import CIDict

_DECORATOR_KEYS = {"minLength": "minLength", "maxLength": "maxLength", "minValue": "minValue",
                   "maxValue": "maxValue"}


class Lowerer(ResourceLowering, ExpressionLowering):
    """Lowers one Bicep document: its declarations in order, into a template or a parameter file;
    resources, modules and expressions are the mixins' part."""

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
        if isinstance(st, S.Metadata):
            meta = self._section("metadata")
            meta[st.name.name] = self._value(st.value, ("metadata", st.name.name))
            self.doc.record(("metadata", st.name.name), st.value, st.name)
        elif isinstance(st, S.Param):
            params = self._section("parameters")
            params[st.name.name] = self._param(st)
        elif isinstance(st, S.Var):
            variables = self._section("variables")
            variables[st.name.name] = self._value(st.value, ("variables", st.name.name))
            self.doc.record(("variables", st.name.name), st.value, st.name)
        elif isinstance(st, S.Func):
            self._func(st)
        elif isinstance(st, S.Resource):
            self._resource(st, None, None, st.name.name)
        elif isinstance(st, S.Module):
            self._module(st)
        elif isinstance(st, S.Output):
            outputs = self._section("outputs")
            entry = CIDict()
            entry["type"] = _secured(self._type_name(st.type),  # a secure output is not logged
                                     st.decorator("secure") is not None)
            entry["value"] = self._value(st.value, ("outputs", st.name.name, "value"))
            outputs[st.name.name] = entry
            self.doc.record(("outputs", st.name.name), st, st.name)
            self.doc.record(("outputs", st.name.name, "type"), st.type or st.name)

    def _section(self, key: str) -> CIDict:
        """The template's `parameters`, `variables`... object, made on first use (the lowering
        writes these keys, so an exact-case lookup finds them)."""
        found = dict.get(self.template, key)
        if found is None:
            found = self.template[key] = CIDict()
        return found

    # -- parameters -------------------------------------------------------------------------------
    def _param(self, st: S.Param) -> CIDict:
        name = st.name.name
        pointer = ("parameters", name)
        decs: dict = {}  # name -> the first decorator of that name, as `st.decorator` finds it
        for dec in st.decorators:
            decs.setdefault(dec.name, dec)
        decl = CIDict()
        ptype, allowed, nullable = self._type_info(st.type)
        decl["type"] = _secured(ptype, "secure" in decs)
        self.doc.record(pointer, st, st.name)
        self.doc.record(pointer + ("type",), st.type or st.name)
        if nullable:
            decl["nullable"] = True
        if st.default is not None:
            decl["defaultValue"] = self._value(st.default, pointer + ("defaultValue",))
            self.doc.record(pointer + ("defaultValue",), st.default)
        dec = decs.get("allowed")
        if dec is not None and dec.args:
            decl["allowedValues"] = self._value(dec.args[0], pointer + ("allowedValues",))
            self.doc.record(pointer + ("allowedValues",), dec)
        elif allowed:
            decl["allowedValues"] = allowed
        for dname, key in _DECORATOR_KEYS.items():
            dec = decs.get(dname)
            if dec is not None and dec.args:
                decl[key] = self._value(dec.args[0], pointer + (key,))
                self.doc.record(pointer + (key,), dec)
        meta = CIDict()
        dec = decs.get("metadata")
        if dec is not None and dec.args:
            value = self._value(dec.args[0], pointer + ("metadata",))
            if isinstance(value, dict):
                meta.update(value)
        dec = decs.get("description")
        if dec is not None and dec.args:
            meta["description"] = self._value(dec.args[0], pointer + ("metadata", "description"))
            self.doc.record(pointer + ("metadata", "description"), dec)
        if meta:
            decl["metadata"] = meta
            self.doc.record(pointer + ("metadata",), decs.get("description") or
                            decs.get("metadata"))
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


def lower_template(doc: BicepDocument, loader: ModuleLoader | None = None) -> CIDict:
    value = Lowerer(doc, loader).lower()
    doc.value = value
    return value


def lower_parameter_file(doc: BicepDocument, loader: ModuleLoader | None = None) -> CIDict:
    value = Lowerer(doc, loader).lower_parameter_file()
    doc.value = value
    return value
