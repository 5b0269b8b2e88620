"""Bicep parser core: the token cursor, syntax errors and error recovery.

Owns: the state every part of the parser shares (`ParserCore`: token arrays, position, whether
newlines are insignificant, the diagnostics), the syntax error (`_Fail`) and how one is reported
(once, and not again for the errors an unclosed bracket causes), the resynchronisation after an
error (to the end of the broken declaration or object/array item, or before the next line that
starts a declaration at column 1), and the constructs shared by statements, expressions and types:
decorators, identifiers, expected tokens and bracketed containers of items.
"""
from __future__ import annotations

from armlint.bicep.lexer import (EOF, ID, INT, MSTR, MSTR_L, MSTR_M, MSTR_R, NL, STR, STR_L, STR_M,
                                 STR_R, tokenize)
from armlint.bicep.syntax import Decorator, Diagnostic, ErrorExpr, Identifier


_STATEMENT_KEYWORDS = frozenset({
    "targetScope", "metadata", "param", "var", "type", "func", "import", "extension", "provider",
    "using", "extends", "resource", "module", "output", "assert", "test",
})

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = frozenset({")", "]", "}"})
_STRING_STARTS = frozenset({STR, STR_L, MSTR, MSTR_L})




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



class ParserCore:
    """The token cursor every part of the parser shares: the token arrays, the position, error
    reporting and the resynchronisation after an error (a declaration, an item, a container)."""

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
    # tokens shared by every construct

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



def _by_start(diag: Diagnostic) -> int:
    return diag.start

