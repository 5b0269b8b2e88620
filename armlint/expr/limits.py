"""How big a value the evaluator may build: strings and arrays made by expressions are capped.

Owns: `MAX_TEXT` and `MAX_ITEMS`, `TooLarge` (an EvalError whose message is the note the
Unknown value carries), the checks functions make before they allocate (`need_text(n)`), and
`logical_size`, which measures a value as text would spell it out (an array holding the same
array twice counts it twice) without walking shared parts more than once. A template of 1 KB
could otherwise ask for gigabytes (`padLeft('a', 2000000000)`, a `format` width, forty variables
each `concat` of the one before, twice); past the cap the value is Unknown, which never fires a
rule, and the note says why.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

MAX_TEXT = 1_048_576  # characters: four times ARM's own 4 MB limit on a whole template's JSON
MAX_ITEMS = 100_000  # elements of arrays and objects, counted through nesting
MAX_PARTS = 10_000  # known and unknown pieces of one partly unknown string


class TooLarge(ValueError):
    """A value past the caps; the message is the note its Unknown carries."""


def need_text(length: int, what: str) -> None:
    """Raise TooLarge before building a string of `length` characters past MAX_TEXT."""
    if length > MAX_TEXT:
        raise TooLarge(f"{what} would be {length:,} characters, over armlint's limit of "
                       f"{MAX_TEXT:,}; the value is not evaluated")


def logical_size(value: Any, cap: int = MAX_TEXT) -> int:
    """Characters of strings plus elements of containers, as written out; stops counting (and
    returns more than `cap`) once past `cap`. Shared parts are measured once."""
    try:
        return _measure(value, {}, cap)
    except RecursionError:
        return cap + 1


def _measure(v: Any, sizes: dict[int, int], cap: int) -> int:
    # a module function, not a closure calling itself: that closure was a reference cycle per
    # call, left for the cyclic collector (see runner)
    if isinstance(v, str):
        return len(v)
    if not isinstance(v, (list, dict)):
        return 1
    known = sizes.get(id(v))
    if known is not None:
        return known
    sizes[id(v)] = cap + 1  # a container that holds itself is too large
    total = len(v)
    for item in (v.values() if isinstance(v, dict) else v):
        total += _measure(item, sizes, cap)
        if total > cap:
            break
    sizes[id(v)] = total
    return total


def bounded(values, what: str):
    """The values, passed on one by one, until together they are past the caps (TooLarge): for
    functions that make a new value per element (map() over range(0, 10000) of 100 KB strings
    would make 1 GB before its result could be measured)."""
    total = 0
    for value in values:
        total += logical_size(value) + 1
        if total > MAX_TEXT:
            raise TooLarge(f"{what} would hold more than {MAX_TEXT:,} characters and elements, "
                           f"over armlint's limit; the value is not evaluated")
        yield value


def check_value(value: Any, what: str) -> None:
    """Raise TooLarge for a string or a container past the caps (after it was made: the callers
    make at most about twice the cap before this stops them)."""
    if isinstance(value, str):
        need_text(len(value), what)
    elif isinstance(value, (list, dict)) and value:
        size = logical_size(value, MAX_TEXT)
        if size > MAX_TEXT:
            raise TooLarge(f"{what} would hold more than {MAX_TEXT:,} characters and elements, "
                           f"over armlint's limit; the value is not evaluated")
