"""Bicep parser: a hand-written recursive-descent parser from tokens to the syntax tree.

Owns: the grammar of the current Bicep language (`.bicep` and `.bicepparam`): statements,
decorators, expressions (with Bicep's operator precedence), type expressions, where newlines are
significant and where they are not, and error recovery. Public API: `parse(text) -> BicepFile`;
it never raises on bad input: syntax errors become `Diagnostic`s and the parser resynchronises
(to the end of the broken object/array item, or to the end of the broken declaration, or to the
next line that starts a declaration at column 1) so the rest of the file is still parsed.

Newlines: a declaration, a decorator, an object property and an array item each end at a
newline (or a comma, inside `{}`/`[]`). Newlines are insignificant inside parentheses (multi-line
function calls, conditions), around the `?` and `:` of a ternary, after a binary operator, `=>`,
and before a `|` that continues a union type.
"""
from __future__ import annotations

import gc
import re

from armlint.bicep.lexer import (EOF, ID, INT, MSTR, MSTR_L, MSTR_M, MSTR_R, NL, STR, STR_L,
                                 STR_M, STR_R, tokenize)
from armlint.bicep.syntax import (
    Array, Assert, BicepFile, Binary, BoolLit, Call, Decorator, Diagnostic, ErrorExpr, Expr,
    Extends, Extension, ForExpr, Func, Identifier, IfCondition, ImportItem, ImportLegacy,
    ImportSymbols, ImportWildcard, IndexAccess, IntLit, Lambda, Metadata, Module, NonNull,
    NullLit, Object, ObjectTypeAdditional, ObjectTypeProperty, Output, Param, Paren, Property,
    PropertyAccess, Resource, ResourceAccess, Spread, String, TargetScope, Ternary, Test,
    TupleItem, TypeAdditionalAccess, TypeArray, TypeDecl, TypedLambda, TypedParam, TypeExpr,
    TypeGeneric, TypeIndexAccess, TypeItemsAccess, TypeLiteral, TypeNonNull, TypeNullable,
    TypeObject, TypeParen, TypePropertyAccess, TypeRef, TypeResource, TypeTuple, TypeUnion,
    Unary, Using, Var, Variable)

__all__ = ["parse"]

# Binary operators and their precedence (higher binds tighter); all are left-associative.
_PRECEDENCE = {
    "*": 100, "/": 100, "%": 100,
    "+": 90, "-": 90,
    ">": 80, ">=": 80, "<": 80, "<=": 80,
    "==": 70, "!=": 70, "=~": 70, "!~": 70,
    "&&": 50,
    "||": 40,
    "??": 30,
}

_STATEMENT_KEYWORDS = frozenset({
    "targetScope", "metadata", "param", "var", "type", "func", "import", "extension", "provider",
    "using", "extends", "resource", "module", "output", "assert", "test",
})

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = frozenset({")", "]", "}"})
_STRING_STARTS = frozenset({STR, STR_L, MSTR, MSTR_L})

_ESCAPE = re.compile(r"\\(?:u\{([0-9A-Fa-f]*)\}?|(.)?)", re.S)
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "'": "'", "$": "$"}



def _short(text: str, limit: int = 40) -> str:
    """A token as a message quotes it: long names and numbers are cut."""
    return text if len(text) <= limit else text[:limit] + "..."

class _Fail(Exception):
    """A syntax error at token index `index`; caught where the parser can resynchronise."""

    __slots__ = ("message", "index", "start", "end", "unclosed")

    def __init__(self, message: str, index: int, start: int, end: int):
        self.message = message
        self.index = index
        self.start = start
        self.end = end
        self.unclosed = False  # an unclosed bracket ran into the next declaration


def parse(text: str) -> BicepFile:
    """Parse Bicep (or .bicepparam) source text into a BicepFile; never raises on bad input."""
    # The tree is acyclic, so the cycle collector has nothing to find while it is built; left on,
    # it rescans every tree the caller still holds and more than doubles the parse time.
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        return _Parser(text).parse_file()
    except RecursionError:
        return _too_deep(text)
    finally:
        if enabled:
            gc.enable()


def _too_deep(text: str) -> BicepFile:
    """The file nests brackets or operators deeper than Python's stack allows: report it on the
    first line and keep the comments and directives, which the lexer found."""
    tokens = tokenize(text)
    first_line_end = text.find("\n")
    end = len(text) if first_line_end < 0 else first_line_end
    diagnostics = tokens.diagnostics + [Diagnostic(
        "the file nests expressions too deeply to parse", 0, end)]
    return BicepFile(0, len(text), [], diagnostics, tokens.directives, tokens.comments)


class _Parser:
    __slots__ = ("text", "k", "v", "s", "e", "i", "nl_free", "diags", "tokens", "lexed_errors",
                 "cascade_from")

    def __init__(self, text: str):
        tokens = tokenize(text)
        self.tokens = tokens
        self.text = text
        self.k = tokens.kinds
        self.v = tokens.values
        self.s = tokens.starts
        self.e = tokens.ends
        self.i = 0
        self.nl_free = False  # True inside parentheses, where newlines do not end anything
        self.diags = tokens.diagnostics
        self.lexed_errors = {d.start for d in tokens.diagnostics}
        # Token index from which errors are consequences of an unclosed bracket already reported
        # in the current declaration (None: no such report yet).
        self.cascade_from = None

    # ------------------------------------------------------------------------------------------
    # errors

    def _line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def _found(self, i: int) -> str:
        kind = self.k[i]
        if kind == NL:
            return "the end of the line"
        if kind == EOF:
            return "the end of the file"
        if kind == ID:
            return f"'{_short(self.v[i])}'"
        if kind == INT:
            return f"the number {_short(self.v[i])}"
        if kind in _STRING_STARTS:
            return "a string"
        if kind in (STR_M, STR_R, MSTR_M, MSTR_R):
            return "'}' (the end of a string interpolation)"
        return f"'{_short(self.v[i])}'"

    def _int(self, i: int) -> int:
        """The value of integer token i; Bicep integers are 64-bit (BCP010), and a literal of
        thousands of digits must be an error here, not Python's int conversion limit."""
        digits = self.v[i]
        if len(digits) >= 19 and (len(digits) > 19 or int(digits) > 2 ** 63):
            raise _Fail(f"expected a valid 64-bit signed integer, but the literal has "
                        f"{len(digits):,} digits", i, self.s[i], self.e[i])
        return int(digits)

    def _fail(self, message: str, i: int) -> _Fail:
        """Build the error for an unexpected token i (the caller raises it)."""
        start = self.s[i]
        kind = self.k[i]
        if kind == NL:
            end = start  # a point at the end of the line, not the blank lines after it
        else:
            end = self.e[i]
        return _Fail(f"{message} but found {self._found(i)}", i, start, end)

    def _report(self, f: _Fail) -> None:
        if f.start in self.lexed_errors:
            return  # the lexer already reported what is wrong here
        if self.cascade_from is not None and f.index >= self.cascade_from:
            return
        self.diags.append(Diagnostic(f.message, f.start, f.end))
        if f.unclosed:
            i = f.index
            self.cascade_from = i - 1 if self.k[i - 1] == NL else i

    def _report_unclosed(self, message: str, i: int, end: int) -> None:
        """Report an unclosed bracket found at token i; later errors in the declaration that
        follow from it are not reported."""
        if self.cascade_from is None or i < self.cascade_from:
            self.diags.append(Diagnostic(message, self.s[i], end))
            self.cascade_from = i - 1 if self.k[i - 1] == NL else i

    def _starts_declaration(self, j: int) -> bool:
        """Is token j a declaration keyword (or decorator) at column 1? Used to stop resyncs and
        to detect an unclosed `{`/`[` before the next top-level declaration."""
        kind = self.k[j]
        if kind == "@" or (kind == ID and self.v[j] in _STATEMENT_KEYWORDS
                           and self.k[j + 1] != ":"):
            st = self.s[j]
            return st == 0 or self.text[st - 1] in "\r\n"
        return False

    def _skip_statement(self, start_i: int, err_i: int) -> None:
        """Resync after an error in a declaration: stop at the first newline after the error
        outside any bracket opened in the declaration, or before a column-1 declaration."""
        k = self.k
        j = start_i
        stack: list[str] = []
        while True:
            kind = k[j]
            if kind == EOF:
                break
            if j >= err_i:
                if kind == NL and (not stack or self._starts_declaration(j + 1)):
                    break
                if j > start_i and self._starts_declaration(j):
                    break
            if kind in _OPENERS:
                stack.append(_OPENERS[kind])
            elif kind in _CLOSERS and kind in stack:
                while stack.pop() != kind:
                    pass
            j += 1
        self.i = j

    def _skip_item(self, item_i: int, err_i: int, closer: str) -> None:
        """Resync after an error in an object/array item: stop at the newline or comma that ends
        the item, or before the container's closing bracket."""
        k = self.k
        j = item_i
        stack: list[str] = []
        while True:
            kind = k[j]
            if kind == EOF:
                break
            if j >= err_i and not stack:
                if kind == NL or kind == "," or kind == closer:
                    break
            if j >= err_i:
                if kind == NL and self._starts_declaration(j + 1):
                    break
                if j > item_i and self._starts_declaration(j):
                    if k[j - 1] == NL:
                        j -= 1  # the enclosing container sees the newline and stops there
                    break
            if kind in _OPENERS:
                stack.append(_OPENERS[kind])
            elif kind in _CLOSERS:
                if kind in stack:
                    while stack.pop() != kind:
                        pass
                elif kind == closer:
                    break
            j += 1
        self.i = j

    # ------------------------------------------------------------------------------------------
    # file and statements

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

    def _decorators(self, need_newline: bool) -> list:
        k = self.k
        decorators = []
        while k[self.i] == "@":
            at = self.i
            self.i = at + 1
            if k[at + 1] != ID:
                raise self._fail("expected a decorator name after '@'", at + 1)
            expression = self._postfix()
            decorators.append(Decorator(self.s[at], expression.end, expression))
            j = self.i
            if k[j] == NL:
                self.i = j + 1
            elif need_newline:
                raise self._fail("expected a newline after the decorator", j)
        return decorators

    def _guard(self, parse_value, stmt_i: int):
        """Parse a declaration's value; on error report it, resync to the end of the declaration
        and return an ErrorExpr so the declaration itself is kept."""
        i = self.i
        try:
            return parse_value()
        except _Fail as f:
            self._report(f)
            self.nl_free = False
            self._skip_statement(stmt_i, f.index)
            start = self.s[i]
            return ErrorExpr(start, max(start, self.e[self.i - 1]) if self.i > i else start)

    def _identifier(self, what: str) -> Identifier:
        i = self.i
        if self.k[i] != ID:
            raise self._fail(f"expected {what}", i)
        self.i = i + 1
        return Identifier(self.s[i], self.e[i], self.v[i])

    def _expect(self, kind: str, what: str) -> int:
        """Consume a token of `kind`; returns its end offset."""
        i = self.i
        if self.k[i] != kind:
            raise self._fail(f"expected {what}", i)
        self.i = i + 1
        return self.e[i]

    def _keyword(self, word: str) -> bool:
        i = self.i
        if self.k[i] == ID and self.v[i] == word:
            self.i = i + 1
            return True
        return False

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

    # ------------------------------------------------------------------------------------------
    # containers: objects, arrays, object types, tuple types, import lists

    def _container(self, closer: str, parse_item, what: str):
        """Parse `open item (sep item)* close` where sep is newlines and/or one comma; the
        current token is the opening bracket. Returns (items, start, end)."""
        k = self.k
        open_i = self.i
        self.i = open_i + 1
        saved = self.nl_free
        self.nl_free = False
        items = []
        need_sep = False
        while True:
            i = self.i
            kind = k[i]
            if kind == NL:
                self.i = i + 1
                need_sep = False
                if self._starts_declaration(i + 1):
                    self._report_unclosed(
                        f"expected '{closer}' to close the {what} opened at line "
                        f"{self._line_of(self.s[open_i])}", i + 1, self.e[i + 1])
                    end = self.s[i]
                    self.i = i  # leave the newline: it ends the enclosing declaration
                    break
                continue
            if kind == closer:
                self.i = i + 1
                end = self.e[i]
                break
            if kind == ",":
                if not need_sep:
                    self.diags.append(Diagnostic("unexpected ','", self.s[i], self.e[i]))
                self.i = i + 1
                need_sep = False
                continue
            if kind == EOF:
                self._report_unclosed(
                    f"expected '{closer}' to close the {what} opened at line "
                    f"{self._line_of(self.s[open_i])} but found the end of the file", i, self.e[i])
                end = self.s[i]
                break
            try:
                if need_sep:
                    raise self._fail(f"expected a newline, ',' or '{closer}' after the previous "
                                     f"item in the {what}", i)
                items.append(parse_item())
                need_sep = True
            except _Fail as f:
                self._report(f)
                self.nl_free = False
                self._skip_item(i, f.index, closer)
                need_sep = False
        self.nl_free = saved
        return items, self.s[open_i], end

    def _object(self) -> Object:
        items, start, end = self._container("}", self._object_item, "object")
        return Object(start, end, items)

    def _object_item(self):
        k = self.k
        i = self.i
        kind = k[i]
        if kind == ID:
            nk = k[i + 1]
            if nk == ":":
                key = Identifier(self.s[i], self.e[i], self.v[i])
                self.i = i + 2
            elif nk == ID and self.v[i] == "resource":
                return self._resource([], self.s[i])
            else:
                raise self._fail(f"expected ':' after the property name '{self.v[i]}'", i + 1)
        elif kind == STR or kind == STR_L:
            key = self._string()
            if k[self.i] != ":":
                raise self._fail("expected ':' after the property name", self.i)
            self.i += 1
        elif kind == "...":
            self.i = i + 1
            operand = self._expression()
            return Spread(self.s[i], operand.end, operand)
        elif kind == "@":
            decorators = self._decorators(True)
            j = self.i
            if k[j] == ID and self.v[j] == "resource" and k[j + 1] == ID:
                return self._resource(decorators, self.s[i])
            raise self._fail("decorators in an object must precede a nested resource", j)
        else:
            raise self._fail("expected a property name, '...' or '}'", i)
        value = self._expression()
        return Property(key.start, value.end, key, value)

    def _array(self) -> Expr:
        i = self.i
        if self._is_for(i):
            return self._for()
        items, start, end = self._container("]", self._array_item, "array")
        return Array(start, end, items)

    def _array_item(self) -> Expr:
        i = self.i
        if self.k[i] == "...":
            self.i = i + 1
            operand = self._expression()
            return Spread(self.s[i], operand.end, operand)
        return self._expression()

    def _is_for(self, i: int) -> bool:
        """Does the `[` at token i open a for-expression (`[for`, or `[` newline `for`)?"""
        k = self.k
        i += 1
        if k[i] == NL:
            i += 1
        return k[i] == ID and self.v[i] == "for" and k[i + 1] != ":"

    def _for(self) -> ForExpr:
        """`[for item in xs: body]`; the current token is `[` followed by `for`."""
        k = self.k
        open_i = self.i
        self.i = open_i + (3 if k[open_i + 1] == NL else 2)
        saved = self.nl_free
        self.nl_free = False
        item = index = None
        i = self.i
        if k[i] == ID and self.v[i] != "in":
            item = Identifier(self.s[i], self.e[i], self.v[i])
            self.i = i + 1
        elif k[i] == "(":
            self.i = i + 1
            item = self._identifier("the item variable name")
            if k[self.i] == ",":
                self.i += 1
                index = self._identifier("the index variable name")
            self._expect(")", "')' after the loop variables")
        else:
            raise self._fail("expected a loop variable or '(item, index)' after 'for'", i)
        if not self._keyword("in"):
            raise self._fail("expected 'in' after the loop variable", self.i)
        iterable = self._expression()
        self._expect(":", "':' after the loop's collection")
        if k[self.i] == NL:
            self.i += 1
        j = self.i
        if k[j] == ID and self.v[j] == "if" and k[j + 1] == "(":
            body = self._if_condition()
        else:
            body = self._expression()
        if k[self.i] == NL:
            self.i += 1
        if k[self.i] != "]":
            raise self._fail(f"expected ']' to close the loop opened at line "
                             f"{self._line_of(self.s[open_i])}", self.i)
        end = self.e[self.i]
        self.i += 1
        self.nl_free = saved
        return ForExpr(self.s[open_i], end, item, index, iterable, body)

    def _if_condition(self) -> IfCondition:
        """`if (condition) {...}`; the current token is `if`."""
        k = self.k
        if_i = self.i
        self.i = if_i + 1
        if k[self.i] != "(":
            raise self._fail("expected '(' after 'if'", self.i)
        condition = self._paren_inner()
        if k[self.i] != "{":
            raise self._fail("expected '{' after the condition", self.i)
        body = self._object()
        return IfCondition(self.s[if_i], body.end, condition, body)

    def _paren_inner(self) -> Expr:
        """`( expr )` with newlines allowed inside; returns the inner expression."""
        k = self.k
        saved = self.nl_free
        self.nl_free = True
        self.i += 1
        if k[self.i] == NL:
            self.i += 1
        inner = self._expression()
        if k[self.i] == NL:
            self.i += 1
        self._expect(")", "')'")
        self.nl_free = saved
        return inner

    # ------------------------------------------------------------------------------------------
    # expressions

    def _expression(self) -> Expr:
        k = self.k
        condition = self._binary(0)
        i = self.i
        kind = k[i]
        if kind == NL:
            if k[i + 1] != "?":
                return condition
            i += 1
        elif kind != "?":
            return condition
        i += 1
        if k[i] == NL:
            i += 1
        self.i = i
        if_true = self._expression()
        i = self.i
        if k[i] == NL and k[i + 1] == ":":
            i += 1
        if k[i] != ":":
            raise self._fail("expected ':' in the conditional expression", i)
        i += 1
        if k[i] == NL:
            i += 1
        self.i = i
        if_false = self._expression()
        return Ternary(condition.start, if_false.end, condition, if_true, if_false)

    def _binary(self, min_precedence: int) -> Expr:
        k = self.k
        kind = k[self.i]
        if kind == "!" or kind == "-" or kind == "+":
            left = self._unary()
        else:
            left = self._postfix()
        precedences = _PRECEDENCE
        while True:
            i = self.i
            op = k[i]
            precedence = precedences.get(op)
            if precedence is None:
                if op == NL and self.nl_free:
                    op = k[i + 1]
                    precedence = precedences.get(op)
                    if precedence is None:
                        return left
                    i += 1
                else:
                    return left
            if precedence <= min_precedence:
                return left
            i += 1
            if k[i] == NL:
                i += 1
            self.i = i
            right = self._binary(precedence)
            left = Binary(left.start, right.end, op, left, right)

    def _unary(self) -> Expr:
        i = self.i
        op = self.k[i]
        self.i = i + 1
        kind = self.k[i + 1]
        if kind == "!" or kind == "-" or kind == "+":
            operand = self._unary()
        else:
            operand = self._postfix()
        return Unary(self.s[i], operand.end, op, operand)

    def _postfix(self) -> Expr:
        node = self._primary()
        k = self.k
        while True:
            i = self.i
            kind = k[i]
            if kind == ".":
                i += 1
                safe = False
                if k[i] == "?":
                    safe = True
                    i += 1
                if k[i] != ID:
                    raise self._fail("expected a property or function name after '.'", i)
                name = Identifier(self.s[i], self.e[i], self.v[i])
                i += 1
                if k[i] == "(":
                    self.i = i
                    args, end = self._call_args()
                    node = Call(node.start, end, name, args, node)
                else:
                    self.i = i
                    node = PropertyAccess(node.start, name.end, node, name, safe)
            elif kind == "[":
                i += 1
                safe = from_end = False
                if k[i] == "?":
                    safe = True
                    i += 1
                if k[i] == "^":
                    from_end = True
                    i += 1
                saved = self.nl_free
                self.nl_free = True
                if k[i] == NL:
                    i += 1
                self.i = i
                index = self._expression()
                i = self.i
                if k[i] == NL:
                    i += 1
                if k[i] != "]":
                    raise self._fail("expected ']' to close the index", i)
                self.i = i + 1
                self.nl_free = saved
                node = IndexAccess(node.start, self.e[i], node, index, safe, from_end)
            elif kind == "::":
                i += 1
                if k[i] != ID:
                    raise self._fail("expected a nested resource name after '::'", i)
                name = Identifier(self.s[i], self.e[i], self.v[i])
                self.i = i + 1
                node = ResourceAccess(node.start, name.end, node, name)
            elif kind == "!":
                self.i = i + 1
                node = NonNull(node.start, self.e[i], node)
            else:
                return node

    def _primary(self) -> Expr:
        k = self.k
        i = self.i
        kind = k[i]
        if kind == ID:
            nk = k[i + 1]
            val = self.v[i]
            if nk == "(":
                name = Identifier(self.s[i], self.e[i], val)
                self.i = i + 1
                args, end = self._call_args()
                return Call(name.start, end, name, args, None)
            if nk == "=>":
                param = Identifier(self.s[i], self.e[i], val)
                self.i = i + 2
                if k[self.i] == NL:
                    self.i += 1
                body = self._expression()
                return Lambda(param.start, body.end, [param], body)
            self.i = i + 1
            if val == "true":
                return BoolLit(self.s[i], self.e[i], True)
            if val == "false":
                return BoolLit(self.s[i], self.e[i], False)
            if val == "null":
                return NullLit(self.s[i], self.e[i])
            return Variable(self.s[i], self.e[i], val)
        if kind == STR:
            self.i = i + 1
            return self._plain_string(i)
        if kind == "{":
            return self._object()
        if kind == "[":
            return self._array()
        if kind == INT:
            self.i = i + 1
            return IntLit(self.s[i], self.e[i], self._int(i))
        if kind == "(":
            return self._paren_or_lambda()
        if kind == STR_L or kind == MSTR or kind == MSTR_L:
            return self._string()
        raise self._fail("expected an expression", i)

    def _call_args(self):
        """`( args )` for a call; the current token is `(`. Returns (args, end)."""
        k = self.k
        saved = self.nl_free
        self.nl_free = True
        i = self.i + 1
        if k[i] == NL:
            i += 1
        self.i = i
        args = []
        if k[i] != ")":
            while True:
                args.append(self._expression())
                i = self.i
                if k[i] == NL:
                    i += 1
                kind = k[i]
                if kind == ",":
                    i += 1
                    if k[i] == NL:
                        i += 1
                    self.i = i
                    continue
                if kind == ")":
                    break
                raise self._unclosed_paren(i)
        self.i = i + 1
        self.nl_free = saved
        return args, self.e[i]

    def _unclosed_paren(self, i: int) -> _Fail:
        if self._starts_declaration(i):
            # an unclosed '(' ran into the next declaration
            j = i - 1
            depth = 0
            while j >= 0:
                kind = self.k[j]
                if kind == ")":
                    depth += 1
                elif kind == "(":
                    if depth == 0:
                        break
                    depth -= 1
                j -= 1
            line = self._line_of(self.s[j]) if j >= 0 else 1
            fail = self._fail(f"expected ')' to close the '(' opened at line {line}", i)
            fail.unclosed = True
            return fail
        return self._fail("expected ',' or ')'", i)

    def _paren_or_lambda(self) -> Expr:
        k = self.k
        open_i = self.i
        saved = self.nl_free
        self.nl_free = True
        i = open_i + 1
        if k[i] == NL:
            i += 1
        self.i = i
        items = []
        if k[i] != ")":
            while True:
                items.append(self._expression())
                i = self.i
                if k[i] == NL:
                    i += 1
                if k[i] == ",":
                    i += 1
                    if k[i] == NL:
                        i += 1
                    self.i = i
                    continue
                break
            if k[i] != ")":
                raise self._unclosed_paren(i)
        close_i = i
        self.i = i + 1
        self.nl_free = saved
        start = self.s[open_i]
        if k[self.i] == "=>":
            params = []
            for item in items:
                if not isinstance(item, Variable):
                    raise _Fail("expected a parameter name in the lambda's parameter list",
                                open_i, item.start, item.end)
                params.append(Identifier(item.start, item.end, item.name))
            self.i += 1
            if k[self.i] == NL:
                self.i += 1
            body = self._expression()
            return Lambda(start, body.end, params, body)
        if len(items) != 1:
            if not items:
                raise self._fail("expected an expression inside '()'", close_i)
            raise _Fail("expected ')' but found ','", close_i, items[0].end, items[1].start)
        return Paren(start, self.e[close_i], items[0])

    # ------------------------------------------------------------------------------------------
    # strings

    def _string_expected(self, what: str) -> String:
        if self.k[self.i] not in _STRING_STARTS:
            raise self._fail(f"expected {what}", self.i)
        return self._string()

    def _string(self) -> String:
        """Any string form at the current token (plain, interpolated, multi-line)."""
        k = self.k
        i = self.i
        kind = k[i]
        if kind == STR:
            self.i = i + 1
            return self._plain_string(i)
        if kind == MSTR:
            self.i = i + 1
            raw = self.v[i]
            dollars = len(raw) - len(raw.lstrip("$"))
            body_start = self.s[i] + dollars + 3
            terminated = len(raw) >= dollars + 6 and raw.endswith("'''")
            body = raw[dollars + 3:-3] if terminated else raw[dollars + 3:]
            body, cut = _strip_leading_newline(body)
            seg_start = body_start + cut
            return String(self.s[i], self.e[i], [body], [], [(seg_start, seg_start + len(body))],
                          True)
        if kind == STR_L:
            return self._interpolated(i, STR_M, STR_R, False, 0)
        if kind == MSTR_L:
            raw = self.v[i]
            return self._interpolated(i, MSTR_M, MSTR_R, True,
                                      len(raw) - len(raw.lstrip("$")))
        raise self._fail("expected a string", i)

    def _plain_string(self, i: int) -> String:
        raw = self.v[i]
        start = self.s[i]
        body = raw[1:-1] if len(raw) >= 2 and raw[-1] == "'" else raw[1:]
        if "\\" in body:
            body = self._unescape(body, start + 1)
        return String(start, self.e[i], [body], [], [(start + 1, self.e[i] - 1)])

    def _interpolated(self, first: int, middle: str, right: str, multiline: bool,
                      dollars: int) -> String:
        k = self.k
        v = self.v
        s = self.s
        e = self.e
        raw = v[first]
        if multiline:
            body_start = s[first] + dollars + 3
            body = raw[dollars + 3:-(dollars + 1)]
            body, cut = _strip_leading_newline(body)
            body_start += cut
            open_len = dollars + 1
        else:
            body_start = s[first] + 1
            body = raw[1:-2]
            open_len = 2
            if "\\" in body:
                body = self._unescape(body, body_start)
        segments = [body]
        spans = [(body_start, e[first] - open_len)]
        expressions = []
        saved = self.nl_free
        self.nl_free = False
        self.i = first + 1
        while True:
            expressions.append(self._expression())
            i = self.i
            kind = k[i]
            if kind == middle:
                raw = v[i]
                body = raw[1:-open_len]
                spans.append((s[i] + 1, e[i] - open_len))
            elif kind == right:
                raw = v[i]
                if multiline:
                    body = raw[1:-3] if raw.endswith("'''") else raw[1:]
                else:
                    body = raw[1:-1] if len(raw) >= 2 and raw[-1] == "'" else raw[1:]
                spans.append((s[i] + 1, s[i] + 1 + len(body)))
            else:
                raise self._fail("expected '}' to close the '${' interpolation", i)
            if not multiline and "\\" in body:
                body = self._unescape(body, s[i] + 1)
            segments.append(body)
            self.i = i + 1
            if kind == right:
                break
        self.nl_free = saved
        return String(s[first], e[self.i - 1], segments, expressions, spans, multiline)

    def _unescape(self, body: str, offset: int) -> str:
        """Decode Bicep escapes in a string segment; bad escapes become diagnostics."""
        out = []
        pos = 0
        for m in _ESCAPE.finditer(body):
            out.append(body[pos:m.start()])
            pos = m.end()
            hexdigits = m.group(1)
            if hexdigits is not None:
                if m.group().endswith("}") and hexdigits and int(hexdigits, 16) <= 0x10FFFF:
                    out.append(chr(int(hexdigits, 16)))
                    continue
                self.diags.append(Diagnostic(
                    "invalid unicode escape: use \\u{...} with 1 to 6 hex digits up to 10FFFF",
                    offset + m.start(), offset + m.end()))
                continue
            ch = m.group(2)
            decoded = _SIMPLE_ESCAPES.get(ch) if ch is not None else None
            if decoded is None:
                self.diags.append(Diagnostic(
                    f"unknown escape sequence '{m.group()}': valid escapes are \\n \\r \\t \\\\ "
                    "\\' \\$ and \\u{...}", offset + m.start(), offset + m.end()))
                out.append(m.group())
            else:
                out.append(decoded)
        out.append(body[pos:])
        return "".join(out)

    # ------------------------------------------------------------------------------------------
    # types

    def _type(self) -> TypeExpr:
        k = self.k
        i = self.i
        if k[i] == NL and k[i + 1] == "|":
            i += 1
        start = self.s[i]
        leading_bar = k[i] == "|"
        if leading_bar:
            i += 1
            if k[i] == NL:
                i += 1
        self.i = i
        first = self._type_postfix()
        members = None
        while True:
            i = self.i
            if k[i] == NL and k[i + 1] == "|":
                i += 1
            if k[i] != "|":
                break
            i += 1
            if k[i] == NL:
                i += 1
            self.i = i
            if members is None:
                members = [first]
            members.append(self._type_postfix())
        if members is None:
            if leading_bar:
                return TypeUnion(start, first.end, [first])
            return first
        return TypeUnion(start, members[-1].end, members)

    def _type_postfix(self) -> TypeExpr:
        k = self.k
        node = self._type_primary()
        while True:
            i = self.i
            kind = k[i]
            if kind == "[":
                nk = k[i + 1]
                if nk == "]":
                    self.i = i + 2
                    node = TypeArray(node.start, self.e[i + 1], node)
                elif nk == "*" and k[i + 2] == "]":
                    self.i = i + 3
                    node = TypeItemsAccess(node.start, self.e[i + 2], node)
                elif nk == INT and k[i + 2] == "]":
                    self.i = i + 3
                    node = TypeIndexAccess(node.start, self.e[i + 2], node, self._int(i + 1))
                else:
                    raise self._fail("expected ']', '*]' or an index in the type", i + 1)
            elif kind == "?":
                self.i = i + 1
                node = TypeNullable(node.start, self.e[i], node)
            elif kind == "!":
                self.i = i + 1
                node = TypeNonNull(node.start, self.e[i], node)
            elif kind == ".":
                if k[i + 1] == "*":
                    self.i = i + 2
                    node = TypeAdditionalAccess(node.start, self.e[i + 1], node)
                    continue
                if k[i + 1] != ID:
                    raise self._fail("expected a name after '.' in the type", i + 1)
                name = Identifier(self.s[i + 1], self.e[i + 1], self.v[i + 1])
                self.i = i + 2
                if k[i + 2] == "<":
                    args, end = self._type_args()
                    node = TypeGeneric(node.start, end, name, args, node)
                else:
                    node = TypePropertyAccess(node.start, name.end, node, name)
            else:
                return node

    def _type_args(self):
        """`< type, ... >`; the current token is `<`. Returns (args, end)."""
        k = self.k
        self.i += 1
        args = []
        while True:
            if k[self.i] == NL:
                self.i += 1
            args.append(self._type())
            if k[self.i] == NL:
                self.i += 1
            i = self.i
            if k[i] == ",":
                self.i = i + 1
                continue
            if k[i] == ">":
                self.i = i + 1
                return args, self.e[i]
            raise self._fail("expected ',' or '>' in the type arguments", i)

    def _type_primary(self) -> TypeExpr:
        k = self.k
        i = self.i
        kind = k[i]
        if kind == ID:
            val = self.v[i]
            start = self.s[i]
            if k[i + 1] == "<":
                name = Identifier(start, self.e[i], val)
                self.i = i + 1
                args, end = self._type_args()
                return TypeGeneric(start, end, name, args, None)
            self.i = i + 1
            if val == "true" or val == "false":
                return TypeLiteral(start, self.e[i], BoolLit(start, self.e[i], val == "true"))
            if val == "null":
                return TypeLiteral(start, self.e[i], NullLit(start, self.e[i]))
            return TypeRef(start, self.e[i], val)
        if kind in _STRING_STARTS:
            value = self._string()
            return TypeLiteral(value.start, value.end, value)
        if kind == INT:
            self.i = i + 1
            value = IntLit(self.s[i], self.e[i], self._int(i))
            return TypeLiteral(value.start, value.end, value)
        if kind == "-" or kind == "!":
            value = self._unary()
            return TypeLiteral(value.start, value.end, value)
        if kind == "{":
            items, start, end = self._container("}", self._object_type_item, "object type")
            return TypeObject(start, end, items)
        if kind == "[":
            items, start, end = self._container("]", self._tuple_item, "tuple type")
            return TypeTuple(start, end, items)
        if kind == "(":
            saved = self.nl_free
            self.nl_free = True
            self.i = i + 1
            if k[self.i] == NL:
                self.i += 1
            inner = self._type()
            if k[self.i] == NL:
                self.i += 1
            end = self._expect(")", "')' to close the parenthesised type")
            self.nl_free = saved
            return TypeParen(self.s[i], end, inner)
        raise self._fail("expected a type", i)

    def _object_type_item(self):
        k = self.k
        i = self.i
        decorators = self._decorators(False) if k[i] == "@" else []
        j = self.i
        kind = k[j]
        if kind == "*":
            if k[j + 1] != ":":
                raise self._fail("expected ':' after '*'", j + 1)
            self.i = j + 2
            value = self._type()
            return ObjectTypeAdditional(self.s[i], value.end, decorators, value)
        if kind == ID:
            key = Identifier(self.s[j], self.e[j], self.v[j])
            self.i = j + 1
        elif kind == STR or kind == STR_L:
            key = self._string()
        else:
            raise self._fail("expected a property name or '*'", j)
        if k[self.i] != ":":
            raise self._fail("expected ':' after the property name", self.i)
        self.i += 1
        value = self._type()
        return ObjectTypeProperty(self.s[i], value.end, decorators, key, value)

    def _tuple_item(self):
        i = self.i
        decorators = self._decorators(False) if self.k[i] == "@" else []
        value = self._type()
        return TupleItem(self.s[i], value.end, decorators, value)


def _by_start(diag: Diagnostic) -> int:
    return diag.start


def _strip_leading_newline(body: str) -> tuple[str, int]:
    """Multi-line strings drop one line break right after the opening quotes."""
    if body.startswith("\r\n"):
        return body[2:], 2
    if body.startswith("\n") or body.startswith("\r"):
        return body[1:], 1
    return body, 0


_HANDLERS = {
    "targetScope": _Parser._target_scope,
    "metadata": _Parser._metadata,
    "param": _Parser._param,
    "var": _Parser._var,
    "type": _Parser._type_decl,
    "func": _Parser._func,
    "import": _Parser._import,
    "extension": _Parser._extension,
    "provider": _Parser._extension,
    "using": _Parser._using,
    "extends": _Parser._extends,
    "resource": _Parser._resource,
    "module": _Parser._module,
    "output": _Parser._output,
    "assert": _Parser._assert,
    "test": _Parser._test,
}
