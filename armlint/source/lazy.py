"""What is made on first use and then kept: a property of an instance, a regular expression.

Owns: `cached`, what `functools.cached_property` does without the lock Python 3.11 takes on every
first use (a Python-level RLock dance per object and attribute: ~60 bytecodes, for 5,575 first
uses in every 10th ARM file of the corpus; 3.12 dropped the lock). The value is stored in the
instance's `__dict__` under the attribute's name, which then shadows the descriptor (it defines no
`__set__`), so later reads are plain attribute reads; assigning or deleting the attribute works as
with `cached_property`. And `pattern`, a module's regular expression compiled on first use rather
than when the module is imported (issue 12: start-up). (No `typing` import: the catalogue uses
it on the way of a cached run, issue 12.)
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


class pattern:  # noqa: N801 - stands where `re.compile(...)` stood
    """A regular expression compiled on first use (`re.compile`'s arguments). A module's patterns
    were compiled when it was imported, about half a million instructions each, and a run on a
    small file uses few of them (issue 12: start-up). On first use the compiled pattern's methods
    and attributes are kept on the instance, so later reads are plain attribute reads. For
    patterns read in a tight loop, bind the method to a local first (`match = P.match`)."""

    _KEPT = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
             "pattern", "flags", "groups", "groupindex")

    def __init__(self, text: str, flags: int = 0):
        self._source = (text, flags)

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        import re
        compiled = re.compile(*self._source)
        for kept in self._KEPT:
            self.__dict__[kept] = getattr(compiled, kept)
        return getattr(compiled, name)
