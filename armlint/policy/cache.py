"""Compiled policy sets cached between runs (like the rule catalogue's pickle cache).

Owns: the cache key (armlint's version, the bundled tables, the sources as given and the size and
modification time of every policy and alias file they read) and reading and writing the pickled
`PolicySet` under `$XDG_CACHE_HOME/armlint/policies/`. `ARMLINT_NO_CACHE` turns it off; a missing,
partial or foreign cache file means compiling again, never a different result.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path


def _stat_lines(path: Path) -> list[str]:
    from .documents import policy_files
    if path.is_dir():
        files = policy_files(path)
    elif path.is_file():
        files = [path]
    else:
        return [f"{path}|missing"]
    out = []
    for f in files:
        st = f.stat()
        out.append(f"{f}|{st.st_size}|{st.st_mtime_ns}")
    return out


def cache_file(sources: list[str], alias_files: list[str], base) -> Path | None:
    from .. import __version__
    from .tables import data_version
    if os.environ.get("ARMLINT_NO_CACHE"):
        return None
    digest = hashlib.sha256(f"{__version__}|{data_version()}|{base}".encode())
    try:
        for s in sources:
            digest.update(f"source|{s}".encode())
            if not s.lower().startswith("builtin:"):
                p = Path(s) if base is None or Path(s).is_absolute() else Path(base) / s
                for line in _stat_lines(p):
                    digest.update(line.encode())
        for a in alias_files:
            for line in _stat_lines(Path(a)):
                digest.update(f"alias|{line}".encode())
    except OSError:
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "armlint" / "policies" / (digest.hexdigest()[:32] + ".pickle")


def load_policy_set(sources: list[str], alias_files: list[str], base, show_undetermined: bool):
    from .engine import PolicySet
    path = cache_file(sources, alias_files, base)
    if path is not None:
        try:
            with path.open("rb") as f:
                found = pickle.load(f)
            if isinstance(found, PolicySet):
                found.show_undetermined = show_undetermined
                return found
        except Exception:  # a missing, partial or foreign file: compile again
            pass
    policies = build_policy_set(sources, alias_files, base, show_undetermined)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_suffix(f".{os.getpid()}.tmp")
            with temp.open("wb") as f:
                pickle.dump(policies, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except Exception:  # a read-only home: no cache, same results
            pass
    return policies


def build_policy_set(sources: list[str], alias_files: list[str], base, show_undetermined: bool):
    from .aliases import AliasTable
    from .engine import PolicySet
    from .library import load_sources, units
    read, library = load_sources(sources, Path(base) if base else None)
    aliases = AliasTable([Path(a) for a in alias_files])
    return PolicySet(units(read, library), aliases, show_undetermined, tuple(sources))
