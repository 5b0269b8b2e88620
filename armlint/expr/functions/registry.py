"""The registry of ARM template functions: name (lower case) -> implementation.

Owns: `FUNCTIONS` (functions whose arguments are evaluated first) and `LAZY_FUNCTIONS` (those
that decide what to evaluate), and the `fn`/`lazy` decorators the family modules register with.
"""
from __future__ import annotations

from ..evaluate import unknown_of
from ..values import Unknown

FUNCTIONS: dict = {}
LAZY_FUNCTIONS: dict = {}


def fn(*names: str, unknown_ok: bool = False, kind: str | None = None):
    """Register a function; unless `unknown_ok`, an Unknown argument makes the result Unknown
    (of `kind`, the type the function returns, when it always returns one type)."""
    def register(func):
        if unknown_ok:
            wrapper = func
        else:
            def wrapper(args, node, ctx):
                for a in args:
                    if isinstance(a, Unknown):
                        return unknown_of(node, "an argument is unknown", kind)
                return func(args, node, ctx)
        for n in names:
            FUNCTIONS[n.lower()] = wrapper
        return func
    return register


def lazy(*names: str):
    def register(func):
        for n in names:
            LAZY_FUNCTIONS[n.lower()] = func
        return func
    return register

