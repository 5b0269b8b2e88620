"""A property computed on first use and then kept on the instance.

Owns: `cached`, what `functools.cached_property` does without the lock Python 3.11 takes on every
first use (a Python-level RLock dance per object and attribute: ~60 bytecodes, for 5,575 first
uses in every 10th ARM file of the corpus; 3.12 dropped the lock). The value is stored in the
instance's `__dict__` under the attribute's name, which then shadows the descriptor (it defines no
`__set__`), so later reads are plain attribute reads; assigning or deleting the attribute works as
with `cached_property`. (No `typing` import: the catalogue uses it on the way of a cached run,
issue 12.)
"""
from __future__ import annotations


class cached:  # noqa: N801 - used as a decorator, like property
    __slots__ = ("func", "name", "__doc__")

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value
