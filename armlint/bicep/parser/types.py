"""Bicep parser: type expressions.

Owns: the grammar of types after `param`, `type`, `func` and in object and tuple types: unions
(a `|` may continue on the next line), arrays `T[]`, nullable `T?`, literals, object types with
their properties and `*:` additional properties, tuples, generics (`name<args>`),
property, index, `[*]` and `.*` access on types, `!` and parentheses.
"""
from __future__ import annotations

from armlint.bicep.lexer import ID, INT, NL, STR, STR_L
from armlint.bicep.parser.core import _STRING_STARTS, ParserCore
from armlint.bicep.syntax import (BoolLit, Identifier, IntLit, NullLit, ObjectTypeAdditional,
                                  ObjectTypeProperty, TupleItem, TypeAdditionalAccess, TypeArray,
                                  TypeExpr, TypeGeneric, TypeIndexAccess, TypeItemsAccess,
                                  TypeLiteral, TypeNonNull, TypeNullable, TypeObject, TypeParen,
                                  TypePropertyAccess, TypeRef, TypeTuple, TypeUnion)


class TypeParser(ParserCore):
    """Type expressions."""

    __slots__ = ()

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
