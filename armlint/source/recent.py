"""A memo of answers per folder that keeps only the latest ones.

Owns: `Recent`, a dict that holds at most `size` entries: past that, the older half (in the
order they were added) is dropped. A run asks about the folders of its files in the order of
its walk (what is the configuration here, the project root, the bicepconfig.json, the
confinement), so the answers it needs again are the recent ones; kept for every folder they
grew with the size of the tree (about 1 KB a folder across the memos, 30,000 folders in 16
copies of the corpus). Only for answers that can be worked out again to the same value.
"""
from __future__ import annotations

SIZE = 1024  # entries; a folder's answer is worked out again after about this many others


class Recent(dict):
    __slots__ = ("size",)

    def __init__(self, size: int = SIZE):
        super().__init__()
        self.size = size

    def __setitem__(self, key, value) -> None:
        if len(self) >= self.size and key not in self:
            for old in list(self)[:max(1, self.size // 2)]:
                del self[old]
        super().__setitem__(key, value)
