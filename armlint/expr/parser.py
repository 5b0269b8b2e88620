"""Parser for ARM template expressions (`"[concat('a', parameters('b')).c[0]]"`).

Owns: deciding whether a JSON string is an expression (`is_expression`), the `[[` literal escape
(`unescape_literal`), and turning expression text into an `ast` tree, or an `ExpressionSyntaxError`
that says what was expected at which offset of the string. Grammar (from the ARM docs and the ARM
Tools language service): an expression is `[` expr `]`; expr is a function call, a `'string'`
(with `''` for a quote) or an integer, followed by any number of `.property` and `[expr]`.
"""
from __future__ import annotations

import re
import sys

from .ast import Call, Index, Literal, Member, Node
from .bounded import Bounded
from ..source.record import Record


class ExpressionSyntaxError(Exception):
    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset  # into the whole string, '[' included


def is_expression(value: object) -> bool:
    """True for a string ARM evaluates: starts with '[' (not '[['), ends with ']'."""
    return (isinstance(value, str) and len(value) >= 2 and value[0] == "[" and value[-1] == "]"
            and value[1] != "[")


def unescape_literal(value: str) -> str:
    """The literal a non-expression string stands for: '[[x]' is '[x]'."""
    if value.startswith("[[") and value.endswith("]"):
        return value[1:]
    return value


# No groups: the regular expression engine skips an alternative at a glance when it starts with
# a character or a class, which a group in front of it prevents; the kind of a token is told by
# its first character instead (`_KIND`). With named groups and a match object per token, the
# tokenizer took over half of the parser's time on the corpus.
_TOKEN = re.compile(
    r"[ \t\r\n]+"
    r"|'[^']*(?:''[^']*)*'"  # a string: '' is a quote inside it
    r"|-?[0-9]+(?:\.[0-9]+)?"
    r"|[A-Za-z_$][A-Za-z0-9_$]*"
    r"|[(),.\[\]]"
    r"|.", re.DOTALL  # anything else: a bad character
)
_KIND = {
    **dict.fromkeys(" \t\r\n", "ws"), "'": "str", **dict.fromkeys("-0123456789", "num"),
    **dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$", "ident"),
    **dict.fromkeys("(),.[]", "punct"),
}

# Nesting beyond this is refused, so that every recursive reader of a tree (the evaluator, the
# text renderer) stays far from Python's recursion limit.
MAX_DEPTH = 100

class _Invalid(Record):
    """A cached syntax error: its message and offset only. A cached exception object would keep
    the traceback of every raise, and with it the frames (and models) of the files that met it.
    (A Record, not a typing.NamedTuple: typing is not imported at run time, issue 12.)"""

    __slots__ = _fields = ("message", "offset")

    def __init__(self, message: str, offset: int):
        self.message = message
        self.offset = offset


# Texts recur across files (`[resourceGroup().location]`): the trees are kept for the run, in
# caches of bounded size (see bounded.py), so that memory does not grow with the files.
_cache = Bounded(4096)  # text -> Node | _Invalid
# Trees built by the Bicep lowering carry no offsets into their text, so only callers that do
# not locate anything inside the string (the evaluator) may take them instead of parsing.
_lowered = Bounded(4096)  # text -> Node


def remember(text: str, tree: Node) -> None:
    """Keep a tree built elsewhere (the Bicep lowering) for its expression text, for evaluation."""
    if _lowered.get(text) is None:
        _lowered.put(text, tree)


def parse(text: str, positions: bool = True) -> Node:
    """Parse an expression string (brackets included). Results are cached per text.

    With `positions=False` the tree may come from the Bicep lowering, whose nodes have no offsets.
    """
    if not positions:
        tree = _lowered.get(text)
        if tree is not None:
            return tree
    hit = _cache.get(text)
    if hit is None:
        try:
            hit = _Parser(text).parse()
        except ExpressionSyntaxError as exc:
            hit = _Invalid(exc.message, exc.offset)
        _cache.put(text, hit)
    if isinstance(hit, _Invalid):
        raise ExpressionSyntaxError(hit.message, hit.offset)
    return hit


# Function and property names, and string literals up to this length, are one string each
# however many trees hold them (`'Microsoft.Network/networkInterfaces'`, `parameters`): a large
# template's trees held a copy each.
_INTERNED = 100
_intern = sys.intern


class _Parser:
    __slots__ = ("text", "tokens", "i", "end", "depth")

    def __init__(self, text: str):
        self.text = text
        self.end = len(text) - 1  # offset of the closing ']'
        self.tokens = self._tokenize(1, self.end)
        self.i = 0
        self.depth = 0

    def _tokenize(self, pos: int, end: int) -> list[tuple[str, str, int, int]]:
        tokens = []
        for value in _TOKEN.findall(self.text, pos, end):  # every character is in a token
            start = pos
            pos += len(value)
            kind = _KIND.get(value[0], "bad")
            if kind == "ws":
                continue
            if kind == "bad" or value == "'" or value == "-":  # a quote or minus alone: bad too
                if value == "'":
                    raise ExpressionSyntaxError("this string literal is never closed (missing \"'\")",
                                                start)
                if value == '"':
                    raise ExpressionSyntaxError(
                        "unexpected '\"': string literals in expressions use single quotes", start)
                raise ExpressionSyntaxError(f"unexpected character {value!r} in the expression",
                                            start)
            tokens.append((kind, value, start, pos))
        tokens.append(("end", "]", end, end + 1))
        return tokens

    def _peek(self):
        return self.tokens[self.i]

    def _next(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def _describe(self, tok) -> str:
        kind, value = tok[0], tok[1]
        if kind == "end":
            return "the end of the expression"
        if kind == "str":
            return "a string"
        if kind == "num":
            return "a number"
        return f"'{value}'"

    def parse(self) -> Node:
        if self._peek()[0] == "end":
            raise ExpressionSyntaxError("empty expression: expected a function call between '[' and ']'",
                                        self._peek()[2])
        node = self._expression()
        tok = self._peek()
        if tok[0] != "end":
            raise ExpressionSyntaxError(
                f"unexpected {self._describe(tok)} after the end of the expression", tok[2])
        return node

    def _expression(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionSyntaxError(
                f"the expression nests more than {MAX_DEPTH} levels deep; no template needs that "
                f"many (the deepest in the shared corpus nests 17)", self._peek()[2])
        node = self._primary()
        while True:
            kind, value, start, _ = self._peek()
            if value == "." and kind == "punct":
                self.i += 1
                name = self._next()
                if name[0] != "ident":
                    raise ExpressionSyntaxError(
                        f"expected a property name after '.', found {self._describe(name)}", name[2])
                node = Member(node.start, name[3], node, _intern(name[1]))
            elif value == "[" and kind == "punct":
                self.i += 1
                index = self._expression()
                close = self._next()
                if close[1] != "]" or close[0] != "punct":
                    raise ExpressionSyntaxError(
                        f"expected ']' to close the index opened at column {start + 1}, "
                        f"found {self._describe(close)}", close[2])
                node = Index(node.start, close[3], node, index)
            else:
                self.depth -= 1
                return node

    def _primary(self) -> Node:
        kind, value, start, end = self._next()
        if kind == "str":
            text = value[1:-1].replace("''", "'")
            return Literal(start, end, _intern(text) if len(text) <= _INTERNED else text)
        if kind == "num":
            digits = value.lstrip("-").split(".")[0]
            if len(digits) >= 19 and (len(digits) > 19 or int(digits) > 2 ** 63):
                raise ExpressionSyntaxError(f"the number has {len(digits):,} digits: ARM numbers "
                                            f"are 64-bit", start)
            return Literal(start, end, float(value) if "." in value else int(value))
        if kind == "ident":
            namespace = None
            name = _intern(value)
            nxt = self._peek()
            if nxt[1] == "." and nxt[0] == "punct" and self.tokens[self.i + 1][0] == "ident" \
                    and self.tokens[self.i + 2][1] == "(":
                self.i += 1
                namespace, name = value, _intern(self._next()[1])
                nxt = self._peek()
            if nxt[1] != "(" or nxt[0] != "punct":
                raise ExpressionSyntaxError(
                    f"expected '(' after the function name '{name}', found {self._describe(nxt)}",
                    nxt[2])
            self.i += 1
            args: list[Node] = []
            if self._peek()[1] == ")":
                close = self._next()
                return Call(start, close[3], name, args, namespace)
            while True:
                args.append(self._expression())
                sep = self._next()
                if sep[1] == ")" and sep[0] == "punct":
                    return Call(start, sep[3], name, args, namespace)
                if sep[1] != "," or sep[0] != "punct":
                    raise ExpressionSyntaxError(
                        f"expected ',' or ')' after an argument of '{name}', "
                        f"found {self._describe(sep)}", sep[2])
        if kind == "end":
            raise ExpressionSyntaxError("unexpected end of the expression: expected a value", start)
        raise ExpressionSyntaxError(f"expected a function call, a string or a number, "
                                    f"found {self._describe((kind, value, start, end))}", start)
