"""Bicep parser: the file and its declarations.

Owns: the loop over a file's statements (one declaration per line, resynchronising after a broken
one) and the grammar of each declaration keyword: targetScope, metadata, param, var, type, func,
import (symbols, wildcard, legacy), extension/provider, using, extends, resource, module, test,
output and assert, dispatched by keyword through `_HANDLERS`.
"""
from __future__ import annotations

from armlint.bicep.lexer import EOF, ID, NL
from armlint.bicep.parser.core import _by_start, _STRING_STARTS, _Fail, ParserCore
from armlint.bicep.syntax import (Assert, BicepFile, Expr, Extends, Extension, Func, Identifier,
                                  ImportItem, ImportLegacy, ImportSymbols, ImportWildcard, Metadata,
                                  Module, Output, Param, Resource, TargetScope, Test, TypeDecl,
                                  TypedLambda, TypedParam, TypeExpr, TypeResource, Using, Var)


class StatementParser(ParserCore):
    """Declarations: the file's statements and what each keyword introduces."""

    __slots__ = ()

    def parse_file(self) -> BicepFile:
        k = self.k
        statements = []
        while True:
            i = self.i
            kind = k[i]
            if kind == NL:
                self.i = i + 1
                continue
            if kind == EOF:
                break
            reported = len(self.diags)
            self.cascade_from = None
            try:
                stmt = self._statement()
                statements.append(stmt)
                j = self.i
                kind = k[j]
                if kind != NL and kind != EOF and not (
                        (len(self.diags) > reported or self.cascade_from is not None)
                        and self._starts_declaration(j)):
                    raise self._fail("expected a newline after the declaration", j)
            except _Fail as f:
                self._report(f)
                self.nl_free = False
                self._skip_statement(i, f.index)
        if len(self.diags) > 1:
            self.diags.sort(key=_by_start)  # lexer and parser errors, in source order
        tokens = self.tokens
        return BicepFile(0, len(self.text), statements, self.diags, tokens.directives,
                         tokens.comments)

    def _statement(self):
        k = self.k
        i = self.i
        start = self.s[i]
        decorators = []
        if k[i] == "@":
            decorators = self._decorators(True)
            i = self.i
        if k[i] == ID:
            handler = _HANDLERS.get(self.v[i])
            if handler is not None:
                return handler(self, decorators, start)
        if decorators:
            raise self._fail("expected a declaration after the decorators", i)
        raise self._fail("expected a declaration (param, var, resource, module, output, type, "
                         "func, import, metadata, targetScope ...)", i)

    def _assignment_value(self, stmt_i: int) -> Expr:
        self._expect("=", "'='")
        return self._guard(self._expression, stmt_i)

    def _target_scope(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        value = self._assignment_value(stmt_i)
        return TargetScope(start, value.end, decorators, value)

    def _metadata(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        name = self._identifier("a name after 'metadata'")
        value = self._assignment_value(stmt_i)
        return Metadata(start, value.end, decorators, name, value)

    def _param(self, decorators, start):
        k = self.k
        stmt_i = self.i
        self.i += 1
        name = self._identifier("the parameter's name after 'param'")
        i = self.i
        kind = k[i]
        type_ = None
        if kind != "=":
            if kind == NL and k[i + 1] != "|" or kind == EOF:
                raise self._fail("expected the parameter's type", i)
            type_ = self._type_with_resource()
        default = None
        end = type_.end if type_ is not None else name.end
        if k[self.i] == "=":
            self.i += 1
            default = self._guard(self._expression, stmt_i)
            end = default.end
        return Param(start, end, decorators, name, type_, default)

    def _type_with_resource(self) -> TypeExpr:
        i = self.i
        if self.k[i] == ID and self.v[i] == "resource" and self.k[i + 1] in _STRING_STARTS:
            self.i = i + 1
            type_string = self._string()
            return TypeResource(self.s[i], type_string.end, type_string)
        return self._type()

    def _var(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        name = self._identifier("the variable's name after 'var'")
        type_ = None
        if self.k[self.i] != "=":
            type_ = self._type()
        value = self._assignment_value(stmt_i)
        return Var(start, value.end, decorators, name, type_, value)

    def _type_decl(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        name = self._identifier("the type's name after 'type'")
        self._expect("=", "'='")
        value = self._guard(self._type, stmt_i)
        return TypeDecl(start, value.end, decorators, name, value)

    def _func(self, decorators, start):
        k = self.k
        self.i += 1
        name = self._identifier("the function's name after 'func'")
        lam_i = self.i
        self._expect("(", "'(' to start the function's parameters")
        saved = self.nl_free
        self.nl_free = True
        params = []
        if k[self.i] == NL:
            self.i += 1
        while k[self.i] != ")":
            p_name = self._identifier("a parameter name")
            p_type = self._type()
            params.append(TypedParam(p_name.start, p_type.end, p_name, p_type))
            if k[self.i] == NL:
                self.i += 1
            if k[self.i] == ",":
                self.i += 1
                if k[self.i] == NL:
                    self.i += 1
            elif k[self.i] != ")":
                raise self._fail("expected ',' or ')' in the parameter list", self.i)
        self.i += 1
        self.nl_free = saved
        return_type = self._type()
        self._expect("=>", "'=>' before the function body")
        if k[self.i] == NL:
            self.i += 1
        body = self._guard(self._expression, lam_i - 2)
        lam = TypedLambda(self.s[lam_i], body.end, params, return_type, body)
        return Func(start, body.end, decorators, name, lam)

    def _import(self, decorators, start):
        k = self.k
        self.i += 1
        i = self.i
        kind = k[i]
        if kind == "{":
            items, _, _ = self._container("}", self._import_item, "import list")
            self._from_keyword()
            source = self._string_expected("the module path after 'from'")
            return ImportSymbols(start, source.end, decorators, items, source)
        if kind == "*":
            self.i += 1
            if not self._keyword("as"):
                raise self._fail("expected 'as' after 'import *'", self.i)
            alias = self._identifier("a namespace name after 'as'")
            self._from_keyword()
            source = self._string_expected("the module path after 'from'")
            return ImportWildcard(start, source.end, decorators, alias, source)
        if kind in _STRING_STARTS:
            spec = self._string()
            config, alias, end = self._with_as(spec.end)
            return ImportLegacy(start, end, decorators, spec, config, alias)
        raise self._fail("expected '{', '*' or a string after 'import'", i)

    def _from_keyword(self) -> None:
        if not self._keyword("from"):
            raise self._fail("expected 'from'", self.i)

    def _import_item(self):
        i = self.i
        kind = self.k[i]
        if kind == ID:
            name = Identifier(self.s[i], self.e[i], self.v[i])
            self.i = i + 1
        elif kind in _STRING_STARTS:
            name = self._string()
        else:
            raise self._fail("expected a name to import", i)
        alias = None
        if self._keyword("as"):
            alias = self._identifier("a name after 'as'")
        return ImportItem(name.start, (alias or name).end, name, alias)

    def _with_as(self, end: int):
        config = alias = None
        if self._keyword("with"):
            if self.k[self.i] != "{":
                raise self._fail("expected '{' after 'with'", self.i)
            config = self._object()
            end = config.end
        if self._keyword("as"):
            alias = self._identifier("a name after 'as'")
            end = alias.end
        return config, alias, end

    def _extension(self, decorators, start):
        self.i += 1
        i = self.i
        kind = self.k[i]
        if kind == ID:
            spec = Identifier(self.s[i], self.e[i], self.v[i])
            self.i = i + 1
        elif kind in _STRING_STARTS:
            spec = self._string()
        else:
            raise self._fail("expected an extension name or reference", i)
        config, alias, end = self._with_as(spec.end)
        return Extension(start, end, decorators, spec, config, alias)

    def _using(self, decorators, start):
        self.i += 1
        i = self.i
        if self.k[i] == ID and self.v[i] == "none":
            self.i = i + 1
            path = None
            end = self.e[i]
        else:
            path = self._string_expected("a file path or 'none' after 'using'")
            end = path.end
        config = None
        if self._keyword("with"):
            if self.k[self.i] != "{":
                raise self._fail("expected '{' after 'with'", self.i)
            config = self._object()
            end = config.end
        return Using(start, end, decorators, path, config)

    def _extends(self, decorators, start):
        self.i += 1
        path = self._string_expected("a file path after 'extends'")
        return Extends(start, path.end, decorators, path)

    def _resource(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        name = self._identifier("the resource's symbolic name after 'resource'")
        type_ = self._string_expected("the resource type string (e.g. 'Microsoft.X/y@2024-01-01')")
        existing = self._keyword("existing")
        self._expect("=", "'='")
        body = self._guard(self._declaration_body, stmt_i)
        return Resource(start, body.end, decorators, name, type_, existing, body)

    def _module(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        name = self._identifier("the module's symbolic name after 'module'")
        path = self._string_expected("the module path string")
        self._expect("=", "'='")
        body = self._guard(self._declaration_body, stmt_i)
        return Module(start, body.end, decorators, name, path, body)

    def _test(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        name = self._identifier("the test's name after 'test'")
        path = self._string_expected("the path of the file under test")
        self._expect("=", "'='")
        body = self._guard(self._declaration_body, stmt_i)
        return Test(start, body.end, decorators, name, path, body)

    def _declaration_body(self) -> Expr:
        k = self.k
        i = self.i
        kind = k[i]
        if kind == "{":
            return self._object()
        if kind == ID and self.v[i] == "if":
            return self._if_condition()
        if kind == "[" and self._is_for(i):
            return self._for()
        raise self._fail("expected '{', 'if (...)' or '[for ...]'", i)

    def _output(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        name = self._identifier("the output's name after 'output'")
        type_ = None
        if self.k[self.i] != "=":
            type_ = self._type_with_resource()
        value = self._assignment_value(stmt_i)
        return Output(start, value.end, decorators, name, type_, value)

    def _assert(self, decorators, start):
        stmt_i = self.i
        self.i += 1
        name = self._identifier("the assertion's name after 'assert'")
        value = self._assignment_value(stmt_i)
        return Assert(start, value.end, decorators, name, value)


_HANDLERS = {
    "targetScope": StatementParser._target_scope,
    "metadata": StatementParser._metadata,
    "param": StatementParser._param,
    "var": StatementParser._var,
    "type": StatementParser._type_decl,
    "func": StatementParser._func,
    "import": StatementParser._import,
    "extension": StatementParser._extension,
    "provider": StatementParser._extension,
    "using": StatementParser._using,
    "extends": StatementParser._extends,
    "resource": StatementParser._resource,
    "module": StatementParser._module,
    "output": StatementParser._output,
    "assert": StatementParser._assert,
    "test": StatementParser._test,
}
