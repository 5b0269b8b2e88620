"""Small value classes without `dataclasses`: equality, hash and repr from a list of fields.

Owns: `Record`, the base of the value classes a cached run builds (positions, findings, rules,
configuration), and `Plain`, the same compared by identity (the model's and the engine's
classes). `dataclasses` imports `inspect` and compiles each class's methods when its module
is imported: for the classes a cache hit needs, about a third of the CPU of a pre-commit run on
one file (issue 12). A subclass names its fields in `_fields`, in the order of its `__init__`,
and writes the `__init__`. Records are equal when they are of one class with equal fields, as
dataclasses are; a record that can change sets `__hash__ = None`, as a dataclass that is not
frozen has it.
"""
from __future__ import annotations


_SHOWING: set = set()  # ids of the objects whose repr is being made (a cycle shows "...")


class Plain:
    """Fields named in `_fields`, shown as a dataclass shows them (a field that leads back to
    the object shows `...`), compared by identity: what `@dataclass(eq=False)` gives, without
    its cost at import (issue 12: start-up)."""
    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __repr__(self) -> str:
        key = id(self)
        if key in _SHOWING:
            return "..."
        _SHOWING.add(key)
        try:
            shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        finally:
            _SHOWING.discard(key)
        return f"{type(self).__qualname__}({shown})"


class Record(Plain):
    __slots__ = ()

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())
