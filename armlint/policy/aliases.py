"""Policy aliases: which property path of which resource type an alias names.

Owns: the bundled alias table (a 2024 `Get-AzPolicyAlias` dump, see tables.py) and the alias files
a user adds with `--policy-aliases` (the JSON `az provider list --expand resourceTypes/aliases` and
`Get-AzPolicyAlias` write: `[{namespace, resourceTypes: [{resourceType, aliases: [{name,
defaultPath, paths: [{path, apiVersions}]}]}]}]`), whose entries replace the bundled ones. A path
that differs by API version is chosen by the resource's `apiVersion`.

`AliasTable.info(alias)` gives an `AliasInfo`: everything needed to resolve that one alias for any
resource type, small and picklable, so a compiled policy set carries the infos of the aliases it
uses and a cached run never opens the table. Resolving an alias for a type gives a path, or
ABSENT (the alias belongs to other types: for this resource the field is not there), or MISSING
(the alias may belong to this type but the table does not know it: undetermined, never absent).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ABSENT = "absent"
MISSING = "missing"
STAR = "*"

_SEGMENT = re.compile(r"\[\*\]|\[(\d+)\]|\[\s*'((?:[^']|'')*)'\s*\]|([^.\[\]]+)")


class AliasFileError(Exception):
    def __init__(self, path: Path | str, line: int, col: int, message: str):
        self.path, self.line, self.col, self.message = str(path), line, col, message
        super().__init__(f"{path}:{line}:{col}: {message}")


def parse_path(path: str) -> tuple:
    """`properties.rules[*].name` -> ('properties', 'rules', '*', 'name')."""
    out: list = []
    for m in _SEGMENT.finditer(path):
        if m.group(0) == "[*]":
            out.append(STAR)
        elif m.group(1) is not None:
            out.append(int(m.group(1)))
        elif m.group(2) is not None:
            out.append(m.group(2).replace("''", "'"))
        else:
            out.append(m.group(3))
    return tuple(out)


@dataclass(frozen=True)
class AliasPaths:
    """Where one alias points for one resource type: a default path, and paths by API version."""

    default: tuple
    by_version: tuple = ()  # ((path, frozenset of api versions lower-case), ...)

    def for_version(self, api_version: Any) -> tuple | None:
        """The path for an API version; None when the version is unknown and paths differ."""
        if not self.by_version:
            return self.default
        if isinstance(api_version, str) and not hasattr(api_version, "parts"):
            low = api_version.lower()
            for path, versions in self.by_version:
                if low in versions:
                    return path
            return self.default
        paths = {self.default} | {p for p, _ in self.by_version}
        return self.default if len(paths) == 1 else None


@dataclass
class AliasInfo:
    """One alias: its paths by resource type (lower case), and what it is when a type is not
    among them (see module docstring)."""

    name: str
    owners: dict = field(default_factory=dict)  # type lower -> AliasPaths
    prefix_type: str | None = None  # the longest known type the name starts with
    source: str = "bundled"

    @property
    def is_array(self) -> bool:
        return self.name.rstrip().endswith("[*]") or "[*]" in self.name

    def resolve(self, rtype: str, api_version: Any = None) -> tuple | str | None:
        """The path for a resource type, ABSENT, MISSING, or None (depends on an unknown API
        version)."""
        key = rtype.lower()
        paths = self.owners.get(key)
        if paths is not None:
            return paths.for_version(api_version)
        if self.owners:
            return ABSENT
        if self.prefix_type is not None:
            return MISSING if self.prefix_type == key else ABSENT
        namespace = self.name.split("/", 1)[0].lower()
        return MISSING if key.split("/", 1)[0] == namespace else ABSENT


class AliasTable:
    """The bundled aliases plus a user's alias files (theirs win for the types they list)."""

    def __init__(self, files: list[Path] | None = None, infos: dict | None = None):
        """`infos`: aliases already resolved (from the cache); the files are then read only if
        another alias is asked for."""
        self.files = [Path(f) for f in files or ()]
        self._extra: dict[str, dict[str, AliasPaths]] = {}  # alias lower -> type -> paths
        self._extra_names: dict[str, str] = {}
        self._extra_types: set[str] = set()
        self._files_read = infos is None
        if self._files_read:
            for f in self.files:
                self._read_file(f)
        self._infos: dict[str, AliasInfo] = dict(infos or {})
        self._lowered: dict[str, dict] = {}
        self._known: set | None = None

    @property
    def infos(self) -> dict[str, "AliasInfo"]:
        """The aliases resolved so far, by lower-case name."""
        return self._infos

    # -- bundled ------------------------------------------------------------------------------
    @staticmethod
    def _bundled():
        from .tables import table
        return table("aliases")

    def _bundled_owners(self, alias: str) -> dict[str, AliasPaths]:
        table = self._bundled()
        low = alias.lower()
        owners: dict[str, AliasPaths] = {}
        candidates = list(table.header.get("shared", {}).get(low, ()))
        prefix = self._prefix_type(low, table.index)
        if prefix is not None:
            candidates.append(prefix)
        for rtype in candidates:
            lowered = self._lowered.get(rtype)
            if lowered is None:
                row = table.get(rtype)
                if row is None:
                    continue
                lowered = self._lowered[rtype] = {
                    name.lower(): (path if path is not None else
                                   "properties." + name[len(row["type"]) + 1:])
                    for name, path in row["aliases"].items()}
            path = lowered.get(low)
            if path is not None:
                owners[rtype] = AliasPaths(parse_path(path))
        return owners

    @staticmethod
    def _prefix_type(low: str, known) -> str | None:
        parts = low.split("/")
        for end in range(len(parts) - 1, 1, -1):
            candidate = "/".join(parts[:end])
            if candidate in known:
                return candidate
        return None

    # -- user files ---------------------------------------------------------------------------
    def _read_file(self, path: Path) -> None:
        from ..source import jsonc
        from ..source.files import ReadRefused, read_file
        from ..source.text import DecodeError, decode
        try:
            text = decode(read_file(path)).text
        except ReadRefused as exc:
            raise AliasFileError(path, 1, 1, f"the alias file is not read: {exc.reason}") from None
        except DecodeError as exc:
            raise AliasFileError(path, exc.line, exc.col, exc.message) from None
        doc = jsonc.load(text)
        if not doc.ok:
            span = doc.error_span()
            raise AliasFileError(path, span.start_line, span.start_col, doc.error.message)
        value = doc.value
        if isinstance(value, dict):  # one provider, or {"value": [...]} as the REST API gives
            value = value.get("value", [value])
        if not isinstance(value, list):
            raise AliasFileError(path, 1, 1, "expected a list of resource providers "
                                 "({namespace, resourceTypes: [...]}) as `az provider list "
                                 "--expand resourceTypes/aliases` writes")
        for i, provider in enumerate(value):
            self._read_provider(path, doc, (i,), provider)

    def _read_provider(self, path: Path, doc, pointer: tuple, provider: Any) -> None:
        def fail(ptr: tuple, message: str):
            span, _ = doc.locate(ptr, "value")
            raise AliasFileError(path, span.start_line, span.start_col, message)

        if not isinstance(provider, dict):
            fail(pointer, "a resource provider must be an object")
        namespace = provider.get("namespace") or ""
        types = provider.get("resourceTypes")
        if not isinstance(types, list):
            # Get-AzPolicyAlias writes one object per resource type
            if "resourceType" in provider and "aliases" in provider:
                types = [provider]
            else:
                fail(pointer, "a resource provider needs a 'resourceTypes' list")
        for j, rt in enumerate(types):
            if not isinstance(rt, dict) or not isinstance(rt.get("resourceType"), str):
                fail(pointer + ("resourceTypes", j), "each resource type needs a 'resourceType'")
            rtype = rt["resourceType"]
            full = rtype if "/" in rtype and rtype.lower().startswith(namespace.lower() + "/") \
                and namespace else (f"{namespace}/{rtype}" if namespace else rtype)
            key = full.lower()
            self._extra_types.add(key)
            for k, alias in enumerate(rt.get("aliases") or []):
                where = pointer + ("resourceTypes", j, "aliases", k)
                if not isinstance(alias, dict) or not isinstance(alias.get("name"), str):
                    fail(where, "each alias needs a 'name'")
                self._add_alias(key, alias, lambda m, w=where: fail(w, m))

    def _add_alias(self, rtype: str, alias: dict, fail) -> None:
        name = alias["name"]
        default = alias.get("defaultPath")
        versions = []
        for entry in alias.get("paths") or []:
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
                fail("each alias path needs a 'path'")
            api = entry.get("apiVersions") or []
            versions.append((parse_path(entry["path"]),
                             frozenset(v.lower() for v in api if isinstance(v, str))))
        if not isinstance(default, str):
            if not versions:
                fail(f"alias '{name}' has neither a 'defaultPath' nor 'paths'")
            default_path = versions[-1][0]
        else:
            default_path = parse_path(default)
        self._extra.setdefault(name.lower(), {})[rtype] = AliasPaths(default_path, tuple(versions))
        self._extra_names.setdefault(name.lower(), name)

    # -- lookup -------------------------------------------------------------------------------
    def info(self, alias: str) -> AliasInfo:
        low = alias.lower()
        found = self._infos.get(low)
        if found is not None:
            return found
        if not self._files_read:
            self._files_read = True
            for f in self.files:
                self._read_file(f)
        owners = self._bundled_owners(alias)
        extra = self._extra.get(low, {})
        owners.update(extra)
        if self._known is None:
            self._known = set(self._bundled().index) | self._extra_types
        info = AliasInfo(alias, owners, self._prefix_type(low, self._known),
                         "given" if extra else "bundled")
        self._infos[low] = info
        return info
