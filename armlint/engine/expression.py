"""A rule's JMESPath expression as the catalogue holds it: its text, compiled on first use.

Owns: `Expression` and `CompileError`. Kept apart from `jmes` (the interpreter and armlint's
functions) so that loading the catalogue, and a run whose files all come from the result cache,
never imports JMESPath: `jmes` is imported when an expression is first compiled or run.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any


class CompileError(Exception):
    def __init__(self, message: str, offset: int | None = None):
        super().__init__(message)
        self.message = message
        self.offset = offset


class Expression:
    """A rule expression, compiled when it is made or (`lazy`, for built-in rules read from the
    catalogue cache, which were checked when the cache was written) when it first runs. The
    `matches()` patterns written in a `trusted` (built-in) expression run without a time limit."""

    __slots__ = ("text", "_ast", "trusted")

    def __init__(self, text: str, lazy: bool = False, trusted: bool = False):
        self.text = text
        self.trusted = trusted
        self._ast = None
        if not lazy:
            self._compile()

    def _compile(self) -> dict:
        global _visit, _SHAPE_ERRORS, _UNKNOWN
        from . import jmes
        self._ast = jmes.compile_ast(self.text, self.trusted)
        if _visit is None:
            _visit, _SHAPE_ERRORS, _UNKNOWN = jmes.interpreter()
        return self._ast

    def search(self, value: Any) -> Any:
        ast = self._ast if self._ast is not None else self._compile()
        try:
            return _visit(ast, value)
        except _SHAPE_ERRORS:
            # A template whose shape the rule did not expect (a string where an object belongs):
            # nothing can be said about it, so nothing is reported.
            return _UNKNOWN


# jmes's interpreter, bound when the first expression is compiled (search is the hot path)
_visit = None
_SHAPE_ERRORS: tuple = ()
_UNKNOWN = None
