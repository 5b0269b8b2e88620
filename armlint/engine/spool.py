"""Where a run's findings wait for the report: in memory up to a budget, then on disk.

Owns: `FindingSpool`. A run's report is written when every file is done, sorted across files (a
finding's place depends on its path, not on when its file was linted), so every finding waits
until the end; kept as objects they grew with the number of files (about 1 KB each). The spool
holds each file's findings as they are until its budget is spent, then writes them out as one
sorted run of plain JSON lines (never pickle) to an anonymous temporary file in the system's
temporary folder (deleted when closed, never next to an input) and hands the files a view that
reads them back (`SpilledFindings`). `ordered()` merges the runs (heapq.merge) in exactly the
order a stable sort of all findings by `Finding.sort_key` gives, `by_file()` in the order of the
files, each file's findings sorted the same way. A spilled finding keeps what a report needs:
every field of `Finding`, its related places included.
"""
from __future__ import annotations

import heapq
import json

from .results import Finding, finding_data, finding_from_data

BUDGET = 8 << 20  # bytes of findings held in memory before they are written out
_FIXED = 900  # bytes a finding takes besides its strings (the objects, the list slot)


class FindingSpool:
    """The findings of a run's files, each file by its index in the run's results."""

    def __init__(self, budget: int | None = BUDGET):
        self.budget = budget  # None: hold every finding (a run that changes them at the end)
        self._held: dict[int, object] = {}  # file index -> its result, findings not written yet
        self._held_bytes = 0
        self._runs: list[tuple[int, int]] = []  # (offset, lines) of each sorted run on disk
        self._file = None  # the temporary file, made at the first spill
        # file index -> how many runs were written when its findings were taken back (`take`):
        # its records in those runs are no longer its findings
        self._dead: dict[int, int] = {}
        self.spilled = 0  # findings written out so far

    def add(self, index: int, result) -> None:
        """Hold the findings of `result` (a FileResult), the file at `index` of the run; past
        the budget they are written out and `result.findings` becomes a view of them. Once per
        file (`take` first to add a file again)."""
        if not result.findings:
            return
        self._held[index] = result
        if self.budget is None:
            return
        self._held_bytes += sum(_size(f) for f in result.findings)
        if self._held_bytes > self.budget:
            self.spill()

    def spill(self) -> None:
        """Write the held findings out as one sorted run; their files get views instead."""
        if not self._held:
            return
        import tempfile  # only a run with many findings writes them out
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="armlint-findings-")
        out = self._file
        out.seek(0, 2)
        offset = out.tell()
        lines = 0
        for _, index, position, f in self._held_sorted():
            out.write(json.dumps([index, position, finding_data(f)]).encode("ascii") + b"\n")
            lines += 1
        self._runs.append((offset, lines))
        self.spilled += lines
        for index, result in self._held.items():
            result.findings = SpilledFindings(self, index)
        self._held = {}
        self._held_bytes = 0

    def take(self, index: int, result) -> list:
        """The findings of `result` (the file at `index`) as a list of its own, out of the
        spool, for a change (findings placed in it by another file's lint); `add` it again
        after."""
        if isinstance(result.findings, SpilledFindings):
            result.findings = list(result.findings)
            self._dead[index] = len(self._runs)
        elif self._held.get(index) is result:
            del self._held[index]
            if self.budget is not None:
                self._held_bytes -= sum(_size(f) for f in result.findings)
        return result.findings

    # -- reading back ------------------------------------------------------------------------
    def _held_sorted(self) -> list:
        held = [(f.sort_key(), index, position, f) for index, result in self._held.items()
                for position, f in enumerate(result.findings)]
        held.sort(key=_order)
        return held

    def _run(self, number: int):
        """The records of a run on disk, in its order: (sort key, index, position, encoded)."""
        offset, count = self._runs[number]
        dead = self._dead
        self._file.flush()
        with open(self._file.fileno(), "rb", closefd=False, buffering=1 << 16) as reader:
            reader.seek(offset)
            for _ in range(count):
                index, position, data = json.loads(reader.readline())
                if dead.get(index, 0) <= number:
                    yield (_key(data), index, position, data)

    def ordered(self):
        """Every finding, in the order of a stable sort of all by `Finding.sort_key` (ties in
        the order of the files, then of each file's findings)."""
        runs = [self._run(n) for n in range(len(self._runs))]
        for _, _, _, f in heapq.merge(*runs, iter(self._held_sorted()), key=_order):
            yield f if isinstance(f, Finding) else finding_from_data(f)

    def by_file(self):
        """(index, findings sorted by `Finding.sort_key`) of each file whose findings were
        written out, in the order of the files: each run is sorted again by file into a second
        temporary file (one run in memory at a time), and those runs merged."""
        if not self._runs:
            return
        import tempfile
        with tempfile.TemporaryFile(prefix="armlint-findings-") as again:
            runs = []
            for n in range(len(self._runs)):
                records = [(index, key, position, data) for key, index, position, data in self._run(n)]
                records.sort(key=_order)
                offset = again.tell()
                for index, _, position, data in records:
                    again.write(json.dumps([index, position, data]).encode("ascii") + b"\n")
                runs.append((offset, len(records)))
                del records
            again.flush()

            def run(offset: int, count: int):
                with open(again.fileno(), "rb", closefd=False, buffering=1 << 16) as reader:
                    reader.seek(offset)
                    for _ in range(count):
                        index, position, data = json.loads(reader.readline())
                        yield (index, _key(data), position, data)

            current, group = None, []
            for index, _, _, data in heapq.merge(*(run(*r) for r in runs), key=_order):
                if index != current:
                    if group:
                        yield current, group
                    current, group = index, []
                group.append(finding_from_data(data))
            if group:
                yield current, group

    def everything(self, results: list) -> list:
        """Every finding of `results` (the run's files, by index), file by file, each file's in
        its own order: all in memory, for a caller that asks for them all."""
        written: dict[int, list] = {}
        for n in range(len(self._runs)):
            for _, index, position, data in self._run(n):
                written.setdefault(index, []).append((position, data))
        out = []
        for index, result in enumerate(results):
            if isinstance(result.findings, SpilledFindings):
                out += [finding_from_data(data) for _, data in sorted(written.get(index, ()))]
            else:
                out += result.findings
        return out

    def of_file(self, index: int) -> list:
        """The findings of the file at `index` that were written out, in their file's order."""
        records = sorted((position, data) for n in range(len(self._runs))
                         for _, i, position, data in self._run(n) if i == index)
        return [finding_from_data(data) for _, data in records]

    def close(self) -> None:
        """Delete the temporary file (the views read nothing after)."""
        if self._file is not None:
            self._file.close()
            self._file = None


def _order(record: tuple) -> tuple:
    return record[:3]


class SpilledFindings:
    """A file's findings written out by the spool: read back when asked for (a list's reading
    side: iteration, length, indexing)."""

    __slots__ = ("spool", "index", "count")

    def __init__(self, spool: FindingSpool, index: int, count: int = 0):
        self.spool = spool
        self.index = index
        self.count = count

    def __iter__(self):
        return iter(self.spool.of_file(self.index))

    def __len__(self) -> int:
        return len(self.spool.of_file(self.index))

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, item):
        return self.spool.of_file(self.index)[item]

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return repr(list(self))


def _size(f: Finding) -> int:
    return _FIXED + len(f.message) + len(f.location.pointer) + len(f.item_pointer) + \
        len(f.fingerprint) + 300 * len(f.related)


def _key(data: list) -> tuple:
    """`Finding.sort_key` of an encoded finding."""
    span = data[5]
    return (data[4], span[0], span[1], data[0], data[3])
