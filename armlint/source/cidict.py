"""A dict whose key lookups ignore case, keeping keys as written; and the array type beside it.

Owns: `CIDict`, the object type of every loaded JSON document and of every value the engine shows
to rules, and `Arr`, the array type of both (a list that can say where it was written, as a
`CIDict` can: the evaluator hands out the parsed objects and arrays themselves where nothing in
them needs evaluating, see expr/evaluate.py); and `Frozen`/`FrozenArr`, the objects and arrays
of a large document that have nothing to evaluate in them, decoded once for every place they are
written (source/jsonc.py). ARM treats property names case-insensitively (`provisionVmAgent` is `provisionVMAgent`),
so making every lookup case-insensitive here makes it true for every rule by construction.
Exact-case lookups stay at C speed; the folded index is built only on the first miss, and
shared by the objects that have the same keys.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any


# Folded indexes shared by every object with the same keys in the same order (never changed in
# place: a change to an object drops its reference). A template's thousands of resources repeat
# a few key sets; an index each took 2-3 times the file's size in a large template.
_FOLDS: dict[tuple, dict] = {}
_MAX_FOLDS = 4096


class CIDict(dict):
    __slots__ = ("_folded", "origin")

    def _fold(self) -> dict:
        try:
            folded = self._folded
        except AttributeError:
            folded = None
        if folded is None:
            keys = tuple(dict.keys(self))
            folded = _FOLDS.get(keys)
            if folded is None:
                backwards = list(keys)
                backwards.reverse()  # the first of two keys differing only in case wins
                folded = dict(zip(map(str.lower, backwards), backwards))
                if len(_FOLDS) >= _MAX_FOLDS:
                    _FOLDS.clear()
                _FOLDS[keys] = folded
            self._folded = folded
        return folded

    def actual_key(self, key: Any) -> Any:
        """The key as written in this object for `key` in any casing, or None."""
        if dict.__contains__(self, key):
            return key
        if isinstance(key, str):
            return self._fold().get(key.lower())
        return None

    def __missing__(self, key):
        if isinstance(key, str):
            actual = self._fold().get(key.lower())
            if actual is not None:
                return dict.__getitem__(self, actual)
        raise KeyError(key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or (
            isinstance(key, str) and key.lower() in self._fold())

    def __setitem__(self, key, value) -> None:
        dict.__setitem__(self, key, value)
        self._folded = None

    def __delitem__(self, key) -> None:
        actual = self.actual_key(key)
        if actual is None:
            raise KeyError(key)
        dict.__delitem__(self, actual)
        self._folded = None

    def pop(self, key, *default):
        actual = self.actual_key(key)
        self._folded = None
        return dict.pop(self, key if actual is None else actual, *default)

    def update(self, *args, **kwargs) -> None:
        dict.update(self, *args, **kwargs)
        self._folded = None

    def setdefault(self, key, default=None):
        actual = self.actual_key(key)
        if actual is not None:
            return dict.__getitem__(self, actual)
        self[key] = default
        return default

    def copy(self) -> "CIDict":
        return CIDict(self)

    def __reduce__(self):
        return (CIDict, (dict(self),))


class Arr(list):
    """A JSON array: of a loaded document, or resolved; `origin` (when set) is where it was
    written."""

    __slots__ = ("origin",)


def _frozen(self, *args, **kwargs):
    raise TypeError("a shared JSON value is not changed in place (copy it)")


class Frozen(CIDict):
    """A literal object of a large document (nothing in it to evaluate: no expression, `[[`
    string or key, `copy` loop or number with a fraction), one for every place the same object
    is written (source/jsonc.py): never changed, and never told a place, since it has several.
    The evaluator hands out a copy that says where it is (expr/evaluate.py), so every value a
    rule sees knows its place as if each were its own; the raw object says none, and is located
    by the path to it."""

    __slots__ = ()
    __setitem__ = __delitem__ = pop = popitem = update = setdefault = clear = __ior__ = _frozen


class FrozenArr(Arr):
    """A literal array of a large document, as `Frozen` is an object."""

    __slots__ = ()
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _frozen
    append = extend = insert = pop = remove = clear = sort = reverse = _frozen
