"""Where armlint keeps what it caches between runs, and how a cache file is written.

Owns: the cache folder (`ARMLINT_CACHE_DIR` when set, else `armlint` in the platform's user
cache folder: `$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
`%LOCALAPPDATA%` on Windows), the switch that turns every cache off (`ARMLINT_NO_CACHE`), and
the atomic write (a temporary file beside the target, then a rename) that lets concurrent runs
share one folder. Every cache is plain JSON, never a pickle: a cache folder restored from an
untrusted CI cache must not be able to run code. A cache that cannot be read or written is no
cache; it never fails a run.
"""
from __future__ import annotations

import os
import sys


def disabled() -> bool:
    """Whether `ARMLINT_NO_CACHE` turns the caches off (any value but empty or `0`)."""
    return os.environ.get("ARMLINT_NO_CACHE", "") not in ("", "0")


def cache_root() -> str:
    """The folder armlint's caches live in (each cache in a folder of its own below it)."""
    own = os.environ.get("ARMLINT_CACHE_DIR")
    if own:
        return os.path.abspath(os.path.expanduser(own))
    return os.path.join(user_cache_dir(), "armlint")


def user_cache_dir() -> str:
    """The platform's folder for a user's caches."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(os.path.expanduser("~"),
                                                              "AppData", "Local")
        return base
    if sys.platform == "darwin":
        return os.path.join(os.path.expanduser("~"), "Library", "Caches")
    return os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")


def cache_path(*parts: str) -> str:
    return os.path.join(cache_root(), *parts)


def write_atomic(path: str, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file in the same folder renamed over it, so a
    reader sees the old file or the new one, never half of one. False when it cannot be written
    (a read-only home): the caller runs without the cache."""
    temp = f"{path}.{os.getpid()}.{id(data):x}.tmp"
    try:
        try:
            out = open(temp, "wb")
        except FileNotFoundError:  # the folder's first entry (not a makedirs per write)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            out = open(temp, "wb")
        with out:
            out.write(data)
        os.replace(temp, path)
        return True
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return False


_CODE_STAMPS: dict[str, list[str]] = {}


def code_tree_stamp(folder: str, skip: tuple[str, ...] = ()) -> list[str]:
    """`tree_stamp` of a folder of armlint's own code or built-in rules, taken once a process
    (the catalogue's cache key and the result cache's code stamp both need the rules')."""
    key = (folder, skip)
    found = _CODE_STAMPS.get(key)
    if found is None:
        found = _CODE_STAMPS[key] = tree_stamp(folder, skip)
    return found


def tree_stamp(folder: str, skip: tuple[str, ...] = ()) -> list[str]:
    """Every file under `folder` (but __pycache__ and the folders `skip` names) as
    "path|size|mtime_ns", sorted: what says that a tree of code or rule files changed
    (os.scandir: no Path objects, one stat a file)."""
    lines: list[str] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                for e in it:
                    if e.is_dir(follow_symlinks=False):
                        if e.name != "__pycache__" and e.path not in skip:
                            stack.append(e.path)
                    else:
                        st = e.stat()
                        lines.append(f"{e.path}|{st.st_size}|{st.st_mtime_ns}")
        except OSError:
            lines.append(f"{current}|unreadable")
    lines.sort()
    return lines
