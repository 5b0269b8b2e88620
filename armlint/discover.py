"""Find the files to lint under the paths a user names.

Owns: walking folders (recursively, in a stable order, skipping hidden folders and dependency or
build folders) and choosing files by extension. Files named explicitly are always taken, whatever
their extension, so a pre-commit hook's file list is linted as given. What a JSON file *is*
(template, parameter file, other JSON) is decided later, by content. A folder that cannot be
listed (no read permission) is a candidate with a `problem`, reported like an unreadable file,
never skipped in silence; symbolic links to folders are not followed. A walk leaves out what the
`.gitignore` files say (unless told not to): each ignored file, and each ignored folder once,
is a candidate with a `skip` reason, so `--show-skipped` can say why it was not linted; files
named explicitly are taken whatever `.gitignore` says, as `git add` takes them.
"""
from __future__ import annotations

import os
from pathlib import Path

from .source.record import Record

EXTENSIONS = (".json", ".jsonc", ".bicep", ".bicepparam")
SKIP_DIRS = frozenset({"node_modules", "__pycache__"})


class Candidate(Record):
    """A file to lint (or a folder that could not be listed, or a file .gitignore leaves out)."""
    __slots__ = ("name", "explicit", "problem", "skip")
    _fields = ("path", "explicit", "problem", "skip")

    def __init__(self, path: Path | str, explicit: bool, problem: str | None = None,
                 skip: str | None = None):
        # kept as a string: a run holds a candidate for each of its files, and a Path with
        # its parts cached takes three times the memory of its string
        self.name = str(path)
        self.explicit = explicit  # named on the command line rather than found in a folder
        self.problem = problem  # why the path (a folder) could not be listed
        self.skip = skip  # why the path is not linted (a .gitignore pattern)

    @property
    def path(self) -> Path:
        return Path(self.name)


class DiscoveryError(Exception):
    pass


def discover(paths: list[str], gitignore: bool = True) -> list[Candidate]:
    out: list[Candidate] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for found in _walk(p, gitignore):
                key = os.path.abspath(found.name)
                if key not in seen:
                    seen.add(key)
                    out.append(found)
        elif p.exists():
            key = os.path.abspath(p)
            if key not in seen:
                seen.add(key)
                out.append(Candidate(p, True))
        else:
            raise DiscoveryError(f"{raw}: no such file or folder")
    return out


def _walk(root: Path, gitignore: bool) -> list[Candidate]:
    found: list[Candidate] = []
    ignore = None
    if gitignore:
        from .source.gitignore import GitIgnore
        ignore = GitIgnore(str(root))

    def unlistable(exc: OSError) -> None:
        found.append(Candidate(Path(exc.filename), False,
                               f"cannot list the folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable):
        # what str(Path(dirpath) / name) gives ("./x" is "x"), with one Path per folder rather
        # than one per file and folder (a third of a cached run's walk)
        base = str(Path(dirpath))
        prefix = "" if base == "." else base if base.endswith(os.sep) else base + os.sep
        kept = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        if ignore is not None:
            ignore.enter(dirpath)
            walked = []
            for d in kept:
                reason = ignore.reason(os.path.join(dirpath, d), is_dir=True)
                if reason is None:
                    walked.append(d)
                else:  # not walked: one entry for the whole folder
                    found.append(Candidate(prefix + d, False, skip=reason))
            kept = walked
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.lower().endswith(EXTENSIONS):
                path = prefix + name
                reason = ignore.reason(path) if ignore is not None else None
                found.append(Candidate(path, False, skip=reason))
    return found
