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

The parser is a package by concern: `core` (cursor, errors, recovery, shared constructs),
`statements`, `expressions`, `strings` and `types`; `_Parser` combines them.
"""
from __future__ import annotations

import gc

from armlint.bicep.lexer import tokenize
from armlint.bicep.parser.expressions import ExpressionParser
from armlint.bicep.parser.statements import StatementParser
from armlint.bicep.parser.strings import StringParser
from armlint.bicep.parser.types import TypeParser
from armlint.bicep.syntax import BicepFile, Diagnostic


__all__ = ["parse"]


class _Parser(StatementParser, ExpressionParser, StringParser, TypeParser):
    """The whole grammar: each part is a mixin over the shared `ParserCore` cursor."""

    __slots__ = ()


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
