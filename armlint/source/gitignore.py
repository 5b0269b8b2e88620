"""What `.gitignore` files say a folder walk should leave out.

Owns: reading the `.gitignore` files that apply to a folder (its own and those of the folders
above it up to the Git working tree's top, and that top's `.git/info/exclude`) and answering
whether a path below is ignored, with the file, line and pattern that decided it. Matching is
Git's (the `pathspec` library's `GitIgnoreSpec`): patterns are relative to the folder of their
file, a deeper file's patterns win over a shallower one's, `!pattern` re-includes. The files are
read like every other input (regular files only, bounded) and a file that cannot be read is
treated as empty: an ignore file never stops a lint.
"""
from __future__ import annotations

import os

from .files import ReadRefused, read_file, vcs_root

MAX_BYTES = 1024 * 1024  # a .gitignore of a megabyte is already absurd


class _Spec:
    __slots__ = ("folder", "name", "lines", "spec")

    def __init__(self, folder: str, name: str, lines: list[str]):
        import pathspec
        self.folder = folder  # patterns are relative to this folder
        self.name = name  # the file, for the reason shown
        self.lines = lines
        self.spec = pathspec.GitIgnoreSpec.from_lines(lines)


def _read_spec(folder: str, file: str) -> _Spec | None:
    try:
        data = read_file(file, MAX_BYTES)
    except ReadRefused:
        return None
    lines = data.decode("utf-8", "replace").splitlines()
    if not any(line.strip() and not line.lstrip().startswith("#") for line in lines):
        return None
    return _Spec(folder, file, lines)


class GitIgnore:
    """The ignore files met on a walk; `reason(path, is_dir)` for each path found."""

    def __init__(self, walk_root: str):
        self._root = os.path.abspath(walk_root)
        self._real_root = os.path.realpath(walk_root)
        self._specs: dict[str, tuple[_Spec, ...]] = {}
        top = vcs_root(self._real_root)
        above: list[_Spec] = []
        if top is not None:
            if os.path.isdir(os.path.join(top, ".git")):
                exclude = _read_spec(top, os.path.join(top, ".git", "info", "exclude"))
                if exclude is not None:
                    above.append(exclude)
            # the folders from the working tree's top down to the walk root's parent (a walk
            # outside any repository reads only the .gitignore files at and below its root)
            chain: list[str] = []
            current = os.path.dirname(self._real_root)
            while current != top and current.startswith(top + os.sep):
                chain.append(current)
                current = os.path.dirname(current)
            if self._real_root != top:
                chain.append(top)
            for folder in reversed(chain):
                spec = _read_spec(folder, os.path.join(folder, ".gitignore"))
                if spec is not None:
                    above.append(spec)
        self._specs[os.path.dirname(self._root)] = tuple(above)

    def enter(self, folder: str) -> None:
        """Read `folder`'s own .gitignore (call for each folder of a top-down walk)."""
        folder = os.path.abspath(folder)
        inherited = self._specs.get(os.path.dirname(folder), ())
        own = _read_spec(folder, os.path.join(folder, ".gitignore"))
        self._specs[folder] = inherited + ((own,) if own is not None else ())

    def reason(self, path: str, is_dir: bool = False) -> str | None:
        """Why `path` (in a folder passed to `enter`) is ignored, or None when it is not."""
        path = os.path.abspath(path)
        real = None
        decided = None
        for spec in self._specs.get(os.path.dirname(path), ()):
            here = path
            if not spec.folder.startswith(self._root):  # above the walk: real paths
                if real is None:
                    real = os.path.join(self._real_root, os.path.relpath(path, self._root))
                here = real
            rel = os.path.relpath(here, spec.folder).replace(os.sep, "/")
            if rel.startswith("../"):
                continue
            check = spec.spec.check_file(rel + ("/" if is_dir else ""))
            if check.include is not None:
                decided = (spec, check) if check.include else None
        if decided is None:
            return None
        spec, check = decided
        line = check.index + 1
        name = os.path.relpath(spec.name) if spec.name.startswith(os.getcwd() + os.sep) \
            else spec.name
        return f"ignored by {name}:{line} ('{spec.lines[check.index].strip()}')"
