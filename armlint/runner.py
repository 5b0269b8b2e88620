"""The parallel runner: lint many files with one `Linter`, in this process or in worker processes.

Owns: choosing serial or parallel, the worker processes and what they send back, and memory
between files. Workers are forked with the loaded linter (catalogue, configuration) and keep
their own module caches (see Memory); each sends back a file's findings (a `FileResult`),
never its model. Results come back in input order, so a parallel run prints what a serial run
prints.

Balance: work is handed out by size. Files bigger than a share of the whole go first, one each,
so that no worker is left with a big file at the end; the others go in runs of neighbouring files
(a folder's Bicep files share modules, which a worker lowers once and caches) whose total size
shrinks as the work runs out (guided self-scheduling), so that workers finish together.

Memory: linting builds many small objects that live as long as a file. The collector is paused
while a file is linted (its scans of them cost about a third of the run): a file's model is
freed by reference counting when its lint is done (`Model.release` cuts the links between its
objects), with the documents and syntax trees behind it. The young generations are still
collected after each file, for what a file may leave in a cycle all the same: that collection
finds nothing to free as a rule, and costs what the objects that outlive the file cost to look
at once (the expression parser's cache, results), which a rarer collection would look at all the
same; it used to traverse every object of every file (a third of a million in 94 Bicep files).
What outlives a file is what a later file needs: the run gives the linter the files in order
(`Linter.plan`) and after each says which is done (`Linter.release`), so a lowered Bicep module
is kept until its last user and then freed by reference counting (the module loader cuts the
cycles through it), never left for a full collection, which costs about a microsecond for each
object alive. A worker keeps the modules of the runs it was handed: its runs come in the order of
the files (the big files handed out first excepted, which release nothing).

Cache: before a parallel run the parent takes from the result cache what it holds; only the
other files go to workers (none are forked when every file is a hit).

Stopping: an exception in the parent (KeyboardInterrupt, or SystemExit from the CLI's SIGTERM
handler) terminates every worker before it propagates. Workers ignore SIGINT (a Ctrl-C reaches
the whole process group; the parent decides) and exit when the parent's end of their pipe closes,
so even a parent killed with SIGKILL leaves no worker behind once its current file is done. A
worker that dies on a file (killed, out of memory) turns that file into an AL0003 finding; the
other files are still linted.
"""
from __future__ import annotations

import gc
import os
import signal
from collections import deque

from .engine.results import FileResult
from .linter import Linter

PARALLEL_THRESHOLD = 48  # below this many files a process pool costs more than it saves
BIG_SHARE = 4  # a file bigger than total / (BIG_SHARE * jobs) is handed out first, on its own
RUN_SHARE = 8  # a run of files is at most what is left / (RUN_SHARE * jobs), in bytes
MIN_RUN_BYTES = 64 * 1024

# What a forked worker inherits: the linter and the files, and the parent's ends of the pipes
# of the workers forked before it (a worker closes them, so each pipe has one parent end).
_WORKER: Linter | None = None
_CANDIDATES: list = []
_PARENT_ENDS: list = []


def lint_all(linter: Linter, candidates: list, jobs: int, progress=None,
             done=None) -> list[FileResult]:
    """Lint every candidate (a `discover.Candidate`); results in the order of `candidates`.
    `done(index, result)`, when given, is called as each file's result is known (in any order,
    with its index in `candidates`), so that the caller can put its findings away before the
    next file (the report's spool)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        hits = _cache_hits(linter, candidates)
        rest = [c for i, c in enumerate(candidates) if i not in hits] if hits else candidates
        shifted = (lambda done, total: progress(done + len(hits), total + len(hits))) \
            if progress and hits else progress
        finished = done
        if done is not None and hits:
            for i, found in hits.items():
                done(i, found)
            others = [i for i in range(len(candidates)) if i not in hits]
            finished = lambda i, result: done(others[i], result)  # noqa: E731
        # the paths as strings: a Path for each of a run's files at once took ~430 bytes a file
        linter.plan([c.name if c.problem is None and c.skip is None else None for c in rest])
        try:
            if jobs <= 1 or len(rest) < PARALLEL_THRESHOLD or not _can_fork():
                linted = _serial(linter, rest, shifted, finished)
            else:
                linted = _parallel(linter, rest, jobs, shifted, finished)
        finally:
            linter.plan(None)
        if not hits:
            return linted
        it = iter(linted)
        return [hits[i] if i in hits else next(it) for i in range(len(candidates))]
    finally:
        if enabled:
            gc.enable()


def _cache_hits(linter: Linter, candidates: list) -> dict:
    """The results the result cache holds, looked up here before any worker is started: a run
    whose files are mostly unchanged forks few workers or none, and workers do not look up the
    files known to miss again."""
    if linter.cache is None or linter.unsaved:
        return {}
    hits = {}
    for i, c in enumerate(candidates):
        if c.problem is None:
            found = linter.cached_result(c.path, c.explicit)
            if found is not None:
                hits[i] = found
    return hits


def _can_fork() -> bool:
    import multiprocessing
    return "fork" in multiprocessing.get_all_start_methods()


def _lint_one(linter: Linter, candidate, position: int | None) -> FileResult:
    """Lint one candidate, the run's file at `position`; then forget what no later file needs
    (a big file handed out early, out of order, has no position: it forgets nothing)."""
    try:
        if candidate.problem is not None:  # a folder that could not be listed
            return linter.unreadable_path(candidate.path, candidate.problem)
        if candidate.skip is not None:  # left out by .gitignore: never read
            return linter.skipped(candidate.path, candidate.skip)
        return linter.lint_file(candidate.path, candidate.explicit)
    finally:
        if position is not None:
            linter.release(position)
        gc.collect(1)  # the young generations: what this file left behind (see Memory)


def _serial(linter: Linter, candidates: list, progress, done=None) -> list[FileResult]:
    results = []
    for i, c in enumerate(candidates):
        results.append(_lint_one(linter, c, i))
        if done is not None:
            done(i, results[-1])
        if progress:
            progress(len(results), len(candidates))
    return results


class WorkQueue:
    """The files still to lint, as indexes into the candidates, handed out in runs (see above)."""

    def __init__(self, candidates: list, jobs: int):
        self.sizes = [_size(c.path) for c in candidates]
        self.jobs = max(1, jobs)
        self.left = sum(self.sizes)
        big = self.left / (BIG_SHARE * self.jobs)
        first = sorted((i for i, n in enumerate(self.sizes) if n > big),
                       key=lambda i: -self.sizes[i])
        chosen = set(first)
        self.pending = deque(first + [i for i in range(len(candidates)) if i not in chosen])
        self.big = len(first)  # how many at the front are big files, each a run of its own

    def __bool__(self) -> bool:
        return bool(self.pending)

    def take(self) -> list[int]:
        """The next run of files for a worker (empty when there is nothing left)."""
        if self.big:
            self.big -= 1
            run = [self.pending.popleft()]
        else:
            limit = max(self.left / (RUN_SHARE * self.jobs), MIN_RUN_BYTES)
            run, total = [], 0
            while self.pending and (not run or total + self.sizes[self.pending[0]] <= limit):
                i = self.pending.popleft()
                run.append(i)
                total += self.sizes[i]
        self.left -= sum(self.sizes[i] for i in run)
        return run

    def give_back(self, indexes) -> None:
        """Files handed out that will not be linted where they went (their worker died)."""
        self.pending.extendleft(reversed(list(indexes)))
        self.left += sum(self.sizes[i] for i in indexes)


def _size(path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class _Worker:
    __slots__ = ("process", "conn", "in_flight", "rules")

    def __init__(self, process, conn):
        self.process = process
        self.conn = conn
        self.in_flight: deque = deque()
        self.rules: list = []  # the rule IDs of the last file it sent (see _work)


def _parallel(linter: Linter, candidates: list, jobs: int, progress,
              finished=None) -> list[FileResult]:
    import multiprocessing
    from multiprocessing.connection import wait
    global _WORKER, _CANDIDATES
    context = multiprocessing.get_context("fork")
    _WORKER, _CANDIDATES = linter, candidates
    pending = WorkQueue(candidates, jobs)
    results: list = [None] * len(candidates)
    workers: list[_Worker] = []
    done = 0

    def feed(w: _Worker) -> None:
        """Hand a worker its next run before it finishes the last file it has."""
        if pending and len(w.in_flight) <= 1:
            ordered = not pending.big  # a big file comes out of order (see WorkQueue)
            run = pending.take()
            w.conn.send((run, ordered))
            w.in_flight.extend(run)

    def start() -> _Worker:
        parent_end, child_end = context.Pipe()
        _PARENT_ENDS.append(parent_end)
        process = context.Process(target=_work, args=(child_end,), daemon=True)
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    try:
        for _ in range(min(jobs, len(candidates))):
            workers.append(start())
        for w in workers:
            feed(w)
        while done < len(candidates):
            ready = set(wait([w.conn for w in workers] + [w.process.sentinel for w in workers]))
            for w in list(workers):
                if w.conn not in ready and w.process.sentinel not in ready:
                    continue
                try:
                    while w.conn.poll():
                        i, result = w.conn.recv()
                        if result.rules is None:
                            result.rules = w.rules
                        else:
                            w.rules = result.rules
                        w.in_flight.remove(i)
                        results[i] = result
                        if finished is not None:
                            finished(i, result)
                        done += 1
                        if progress:
                            progress(done, len(candidates))
                except (EOFError, OSError):
                    pass
                if w.process.is_alive() or w.process.exitcode is None:
                    feed(w)
                    continue
                # the worker died: the file it was on gets a finding, the others go back
                workers.remove(w)
                _close(w)
                if w.in_flight:
                    i = w.in_flight.popleft()
                    results[i] = linter.failure(candidates[i].path, _death(w.process.exitcode))
                    if finished is not None:
                        finished(i, results[i])
                    done += 1
                    if progress:
                        progress(done, len(candidates))
                    pending.give_back(w.in_flight)
                if pending:
                    workers.append(start())
                    feed(workers[-1])
        for w in workers:
            w.conn.send(None)  # stop
        for w in workers:
            w.process.join()
        return results
    finally:
        for w in workers:
            if w.process.is_alive():
                w.process.terminate()
        for w in workers:
            w.process.join(2)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            _close(w)
        _WORKER, _CANDIDATES = None, []


def _close(w: _Worker) -> None:
    if w.conn in _PARENT_ENDS:
        _PARENT_ENDS.remove(w.conn)
    w.conn.close()


def _death(exitcode: int | None) -> str:
    how = f"was killed by signal {-exitcode}" if exitcode is not None and exitcode < 0 else \
        f"exited with code {exitcode}"
    return (f"armlint failed on this file: the worker process linting it {how} (out of memory?); "
            f"please report this")


def _work(conn) -> None:
    """A worker: lint the files the parent names until it says stop or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for end in _PARENT_ENDS:
        end.close()
    assert _WORKER is not None
    sent_rules = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        run, ordered = message
        for i in run:
            # after the big files, each worker's runs come in the order of the files: what no
            # later file needs can go (see Linter.plan)
            result = _lint_one(_WORKER, _CANDIDATES[i], i if ordered else None)
            # the IDs of the rules that ran (hundreds) are sent only when they change: the parent
            # would otherwise hold a copy of each for every file
            if result.rules == sent_rules:
                result.rules = None
            else:
                sent_rules = result.rules
            conn.send((i, result))
