"""Policy sets cached between runs, as plain JSON (never a pickle: a cache folder restored from
an untrusted CI cache must not be able to run code).

Owns: the cache key (armlint's version, the bundled tables, the sources as given and the size and
modification time of every policy and alias file they read), and the snapshot: what the sources
resolved to (each definition as applied, with its parameter values, assignment and initiative),
its effect and the resource types it can match, and the aliases it names. Loading a snapshot
skips reading the sources and the bundled tables; definitions are compiled when a resource of
their types first needs them. `ARMLINT_NO_CACHE` turns the cache off; a missing, partial or
foreign file means building again, never a different result.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

FORMAT = 1
_UNKNOWN = "\u0000unknown"


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


def stamp(sources: list[str], alias_files: list[str], show_undetermined: bool = False,
          base=None) -> str | None:
    """What a policy set is made from: armlint's version, the bundled tables, the sources as
    given and the size and modification time of every policy and alias file they read (None
    when one cannot be looked at). The result cache keys on it too."""
    from .. import __version__
    from .tables import data_version
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{data_version()}|{base}".encode())
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
    return digest.hexdigest() + ("|undetermined" if show_undetermined else "")


def cache_file(sources: list[str], alias_files: list[str], base) -> Path | None:
    from ..source import cachedir
    if cachedir.disabled():
        return None
    found = stamp(sources, alias_files, False, base)
    if found is None:
        return None
    return Path(cachedir.cache_path("policies", found[:32] + ".json"))


def load_policy_set(sources: list[str], alias_files: list[str], base, show_undetermined: bool):
    path = cache_file(sources, alias_files, base)
    if path is not None:
        try:
            data = json.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("format") == FORMAT:
                return from_snapshot(data, alias_files, show_undetermined)
        except Exception:  # a missing, partial or foreign file: build again
            pass
    policies = build_policy_set(sources, alias_files, base, show_undetermined)
    if path is not None:
        try:
            from ..source.cachedir import write_atomic
            text = json.dumps(snapshot(policies), separators=(",", ":"), ensure_ascii=False)
            write_atomic(str(path), text.encode("utf-8"))
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


# --- snapshot ---------------------------------------------------------------------------------

def encode(value: Any) -> Any:
    """A resolved value as JSON: unknown values as {"\\0unknown": [text, kind, reason]}."""
    from ..expr.values import Unknown
    if isinstance(value, Unknown):
        return {_UNKNOWN: [value.text, value.kind, value.reason]}
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


def decode(value: Any) -> Any:
    from ..expr.values import Arr, Obj, Unknown
    if isinstance(value, dict):
        if _UNKNOWN in value and len(value) == 1:
            text, kind, reason = value[_UNKNOWN]
            return Unknown(text, kind, reason)
        return Obj((k, decode(v)) for k, v in value.items())
    if isinstance(value, list):
        return Arr(decode(v) for v in value)
    return value


def _record(obj: Any) -> Any:
    return dataclasses.asdict(obj) if obj is not None else None


def snapshot(policies) -> dict:
    """The JSON that rebuilds `policies` without reading its sources again."""
    # every alias the compiled definitions name, so a run from the cache need not open the table
    for applied in policies.entries:
        applied.compiled
    units = []
    records: list = []  # definitions, initiatives and assignments, each written once
    index: dict[int, int] = {}

    def ref(obj: Any) -> int | None:
        if obj is None:
            return None
        if id(obj) not in index:
            index[id(obj)] = len(records)
            records.append(_record(obj))
        return index[id(obj)]
    for a in policies.entries:
        u = a.unit
        filter_ = None if a.filter is None else [sorted(a.filter[0]), list(a.filter[1])]
        units.append({"definition": ref(u.definition), "values": encode(u.values),
                      "assignment": ref(u.assignment), "initiative": ref(u.initiative),
                      "reference": u.reference_id, "effect": encode(a.effect),
                      "filter": filter_})
    aliases = {}
    for low, info in policies.aliases.infos.items():
        aliases[low] = {"name": info.name, "prefix": info.prefix_type, "source": info.source,
                        "owners": {t: [list(p.default), [[list(path), sorted(v)]
                                                         for path, v in p.by_version]]
                                   for t, p in info.owners.items()}}
    return {"format": FORMAT, "sources": list(policies.sources), "records": records,
            "units": units, "aliases": aliases}


def from_snapshot(data: dict, alias_files: list[str], show_undetermined: bool):
    from .aliases import AliasInfo, AliasPaths, AliasTable
    from .documents import Assignment, Definition, Initiative, Member
    from .engine import PolicySet
    from .library import Unit
    infos = {}
    for low, raw in data["aliases"].items():
        owners = {t: AliasPaths(tuple(p[0]), tuple((tuple(path), frozenset(v))
                                                    for path, v in p[1]))
                  for t, p in raw["owners"].items()}
        infos[low] = AliasInfo(raw["name"], owners, raw["prefix"], raw["source"])
    aliases = AliasTable([Path(a) for a in alias_files], infos=infos)
    records = data["records"]
    built: dict[tuple, Any] = {}

    def record(i: int | None, kind):
        if i is None:
            return None
        found = built.get((kind, i))
        if found is None:
            fields = dict(records[i])
            if kind is Initiative:
                fields["members"] = [Member(**m) for m in fields["members"]]
            found = built[(kind, i)] = kind(**fields)
        return found
    units, known = [], []
    for raw in data["units"]:
        units.append(Unit(record(raw["definition"], Definition), decode(raw["values"]),
                          record(raw["assignment"], Assignment),
                          record(raw["initiative"], Initiative), raw["reference"]))
        f = raw["filter"]
        known.append((decode(raw["effect"]), None if f is None else (frozenset(f[0]),
                                                                      tuple(f[1]))))
    return PolicySet(units, aliases, show_undetermined, tuple(data.get("sources", ())), known)
