"""Find the files to lint under the paths a user names.

Owns: walking folders (recursively, in a stable order, skipping hidden folders and dependency or
build folders) and choosing files by extension. Files named explicitly are always taken, whatever
their extension, so a pre-commit hook's file list is linted as given. What a JSON file *is*
(template, parameter file, other JSON) is decided later, by content. A folder that cannot be
listed (no read permission) is a candidate with a `problem`, reported like an unreadable file,
never skipped in silence; symbolic links to folders are not followed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

EXTENSIONS = (".json", ".jsonc", ".bicep", ".bicepparam")
SKIP_DIRS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True, slots=True)
class Candidate:
    path: Path
    explicit: bool  # named on the command line rather than found in a folder
    problem: str | None = None  # why the path (a folder) could not be listed


class DiscoveryError(Exception):
    pass


def discover(paths: list[str]) -> list[Candidate]:
    out: list[Candidate] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for found, problem in _walk(p):
                key = os.path.abspath(found)
                if key not in seen:
                    seen.add(key)
                    out.append(Candidate(found, False, problem))
        elif p.exists():
            key = os.path.abspath(p)
            if key not in seen:
                seen.add(key)
                out.append(Candidate(p, True))
        else:
            raise DiscoveryError(f"{raw}: no such file or folder")
    return out


def _walk(root: Path) -> list[tuple[Path, str | None]]:
    found: list[tuple[Path, str | None]] = []

    def unlistable(exc: OSError) -> None:
        found.append((Path(exc.filename), f"cannot list the folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(filenames):
            if name.lower().endswith(EXTENSIONS):
                found.append((Path(dirpath) / name, None))
    return found
