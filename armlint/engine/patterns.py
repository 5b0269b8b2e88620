"""Regular expressions written in rule files, run so that none can hang a run.

Owns: `search(pattern, text)` for `matches()` and the like. Patterns written in armlint's own rule
files are trusted (the test suite times every built-in pattern on adversarial input) and run with
the standard `re`. Any other pattern comes from a user's rule folder, which a scanned repository
can write: it runs with the `regex` package and a time limit, so a pattern that backtracks
catastrophically is a `PatternError` (an AL0003 finding on the item, naming the rule) instead of
a hang, and once it has timed out it is not tried again in this process.
"""
from __future__ import annotations

import re

TIMEOUT = 0.5  # seconds for one search; a linear pattern needs microseconds per kilobyte

TRUSTED: set[str] = set()  # literal patterns of the built-in rule files (the loader adds them)
_compiled: dict[str, object] = {}
_too_slow: set[str] = set()


class PatternError(Exception):
    """A rule's regular expression cannot be used: invalid, or too slow on some input."""


def compile_pattern(pattern: str):
    """The compiled user pattern (regex syntax, a superset of Python's re); raises
    PatternError for an invalid one."""
    found = _compiled.get(pattern)
    if found is None:
        import regex
        try:
            found = regex.compile(pattern)
        except (regex.error, RecursionError, OverflowError) as exc:
            raise PatternError(f"invalid regular expression {pattern!r}: {exc}") from None
        _compiled[pattern] = found
    return found


def search(pattern: str, text: str) -> bool:
    """Whether `pattern` matches somewhere in `text`."""
    if pattern in TRUSTED:
        return re.search(pattern, text) is not None
    if pattern in _too_slow:
        raise PatternError(f"the regular expression {pattern!r} already took more than "
                           f"{TIMEOUT} s on another value; it backtracks too much to use")
    compiled = compile_pattern(pattern)
    try:
        return compiled.search(text, timeout=TIMEOUT) is not None
    except TimeoutError:
        _too_slow.add(pattern)
        raise PatternError(f"the regular expression {pattern!r} took more than {TIMEOUT} s on a "
                           f"value of {len(text):,} characters; it backtracks too much to "
                           f"use (rewrite it without nested repetition)") from None
