"""Caches that a run keeps across files without growing with the number of files.

Owns: `Bounded`, a two-generation cache: new entries go to the young generation; when it is
full it becomes the old one (the previous old one is dropped) and an entry found in the old one
moves back to the young. What is used again stays, what is not goes after at most two
generations, and the cache never holds more than twice its size. The expression caches use it:
on the corpus a generation of 4,096 texts parses 1.5% more than keeping every text, whose number
grows with the files a run reads.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


class Bounded:
    __slots__ = ("size", "young", "old")

    def __init__(self, size: int):
        self.size = size
        self.young: dict = {}
        self.old: dict = {}

    def get(self, key: Any) -> Any:
        """The entry for `key`, or None."""
        hit = self.young.get(key)
        if hit is None:
            hit = self.old.get(key)
            if hit is not None:
                self.put(key, hit)
        return hit

    def put(self, key: Any, value: Any) -> None:
        young = self.young
        young[key] = value
        if len(young) >= self.size:
            self.old = young
            self.young = {}

    def __len__(self) -> int:
        return len(self.young) + len(self.old)

    def clear(self) -> None:
        self.young = {}
        self.old = {}
