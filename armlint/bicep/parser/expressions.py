"""Bicep parser: expressions.

Owns: objects and arrays, `for` loops and `if` conditions, parenthesised expressions and lambdas,
the ternary, binary operators by precedence (`_PRECEDENCE`, all left-associative), unary
operators, postfix access (`.name`, `[index]`, `::child`, `!`, calls) and primary expressions.
Newlines are insignificant inside parentheses, around `?` and `:`, after a binary operator and
after `=>`.
"""
from __future__ import annotations

from armlint.bicep.lexer import EOF, ID, INT, MSTR, MSTR_L, NL, STR, STR_L
from armlint.bicep.parser.core import _Fail, ParserCore
from armlint.bicep.syntax import (Array, Binary, BoolLit, Call, Expr, ForExpr, Identifier,
                                  IfCondition, IndexAccess, IntLit, Lambda, NonNull, NullLit,
                                  Object, Paren, Property, PropertyAccess, ResourceAccess, Spread,
                                  Ternary, Unary, Variable)


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

# Tokens after which an expression's first token is the whole expression (see _expression).
_AFTER_EXPRESSION = frozenset({",", ")", "]", "}", ":", EOF})


class ExpressionParser(ParserCore):
    """Expressions, with Bicep's operator precedence."""

    __slots__ = ()

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
        i = self.i
        kind = k[i]
        if (kind == STR or kind == ID or kind == INT) and (
                k[i + 1] in _AFTER_EXPRESSION or k[i + 1] == NL and k[i + 2] != "?" and not (
                    self.nl_free and k[i + 2] in _PRECEDENCE)):
            # a lone string, name or number (most property values, arguments and array items):
            # read here, not through _binary, _postfix and _primary, which would find the same.
            # After it, a newline ends the expression unless a `?` or, inside parentheses, an
            # operator follows on the next line.
            if kind == STR:
                self.i = i + 1
                return self._plain_string(i)
            if kind == INT:
                self.i = i + 1
                return IntLit(self.s[i], self.e[i], self._int(i))
            return self._name(i)
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
            return self._name(i)
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

    def _name(self, i: int) -> Expr:
        """The name at token i (a `true`, `false` or `null` literal, else a variable)."""
        self.i = i + 1
        val = self.v[i]
        if val == "true":
            return BoolLit(self.s[i], self.e[i], True)
        if val == "false":
            return BoolLit(self.s[i], self.e[i], False)
        if val == "null":
            return NullLit(self.s[i], self.e[i])
        return Variable(self.s[i], self.e[i], val)

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
