"""The parallel runner: lint many files with one `Linter`, in this process or in worker processes.

Owns: choosing serial or parallel, the process pool, and garbage-collection pacing.
"""
from __future__ import annotations

import gc

from .engine.results import FileResult
from .linter import Linter

_WORKER: "Linter | None" = None
PARALLEL_THRESHOLD = 48  # below this many files a process pool costs more than it saves


_linted = 0
COLLECT_EVERY = 200  # files between garbage collections while the collector is paused


def _lint_one(linter: Linter, candidate) -> FileResult:
    global _linted
    _linted += 1
    if _linted % COLLECT_EVERY == 0:
        gc.collect(1)  # the young generations: what the last files left behind
    if candidate.problem is not None:  # a folder that could not be listed
        return linter.unreadable_path(candidate.path, candidate.problem)
    return linter.lint_file(candidate.path, candidate.explicit)


def _lint_candidate(candidate) -> FileResult:
    assert _WORKER is not None
    return _lint_one(_WORKER, candidate)


def lint_all(linter: Linter, candidates: list, jobs: int, progress=None) -> list[FileResult]:
    # Linting builds many small objects that live as long as a file; the collector's scans of
    # them cost about a third of the run, so it is paused and run every COLLECT_EVERY files.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _lint_each(linter, candidates, jobs, progress)
    finally:
        if enabled:
            gc.enable()


def _lint_each(linter: Linter, candidates: list, jobs: int, progress=None) -> list[FileResult]:
    global _WORKER
    serial = jobs <= 1 or len(candidates) < PARALLEL_THRESHOLD
    if not serial:
        import multiprocessing
        serial = "fork" not in multiprocessing.get_all_start_methods()
    if serial:
        results = []
        for c in candidates:
            results.append(_lint_one(linter, c))
            if progress:
                progress(len(results), len(candidates))
        return results
    from concurrent.futures import ProcessPoolExecutor
    _WORKER = linter  # inherited by the forked workers; results come back in input order
    try:
        chunk = max(1, len(candidates) // (jobs * 8))
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = []
            for r in pool.map(_lint_candidate, candidates, chunksize=chunk):
                results.append(r)
                if progress:
                    progress(len(results), len(candidates))
        return results
    finally:
        _WORKER = None
