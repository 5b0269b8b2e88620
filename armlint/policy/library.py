"""The policies a run applies: sources read into a library, then resolved into `Unit`s.

Owns: `Library` (definitions, initiatives, assignments and archetypes by name and ID: the given
files first, then the bundled built-ins and Azure Landing Zones library), the `builtin:NAME`
lookup (an initiative by name, file stem, GUID, display name or its initials, e.g. `MCSB`; a
definition by name or display name; `*` and `?` globs; `builtin:all` for every Azure built-in
definition; `builtin:alz:ARCHETYPE` for what an ALZ archetype assigns), and `units()`: each
definition as one assignment applies it, with its parameter values in force (the assignment's,
else the initiative's, else the definition's default).

What a source applies: its assignments when it has any (its definitions and initiatives are
then the library those assignments name); otherwise its initiatives, and its definitions that
none of its initiatives includes, as if each were assigned with its defaults.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .documents import (Archetype, Assignment, Definition, Initiative, PolicyFileError,
                        policy_files, read_archetype, read_assignment, read_definition,
                        read_file, read_initiative)


class PolicySourceError(Exception):
    """A --policy source that names nothing (a missing path, an unknown built-in)."""


@dataclass
class Unit:
    """One definition as applied: by an assignment (maybe through an initiative), or alone."""

    definition: Definition
    values: dict  # parameter name -> value given to the definition (may be Unknown)
    assignment: Assignment | None = None
    initiative: Initiative | None = None
    reference_id: str | None = None
    problems: list = field(default_factory=list)  # what could not be resolved, in words

    @property
    def key(self) -> tuple:
        return (self.definition.name.lower(), self.assignment.name if self.assignment else "",
                self.initiative.name if self.initiative else "", self.reference_id or "")


def _last(ref: str) -> str:
    return ref.rstrip("/").rsplit("/", 1)[-1]


def _is_builtin_id(ref: str) -> bool:
    return ref.lower().startswith("/providers/microsoft.authorization/")


class Library:
    def __init__(self):
        self.definitions: dict[str, Definition] = {}
        self.initiatives: dict[str, Initiative] = {}
        self.assignments: dict[str, Assignment] = {}
        self.archetypes: dict[str, Archetype] = {}

    def add(self, record: Any) -> None:
        key = record.name.lower()
        if isinstance(record, Definition):
            self.definitions[key] = record
        elif isinstance(record, Initiative):
            self.initiatives[key] = record
        elif isinstance(record, Assignment):
            self.assignments[key] = record
        elif isinstance(record, Archetype):
            self.archetypes[key] = record

    # -- bundled ------------------------------------------------------------------------------
    @staticmethod
    def builtin_definition(name: str) -> Definition | None:
        from .tables import table
        row = table("definitions").get(name)
        return read_definition(row, row.get("stem", name), "builtin") if row else None

    @staticmethod
    def builtin_initiative(name: str) -> Initiative | None:
        from .tables import table
        row = table("initiatives").get(name)
        return read_initiative(row, row.get("stem", name), "builtin") if row else None

    @staticmethod
    def alz(kind: str, name: str) -> Any:
        from .tables import table
        row = table("alz").get(f"{kind}:{name}")
        if row is None:
            return None
        reader = {"definition": read_definition, "initiative": read_initiative,
                  "assignment": read_assignment, "archetype": read_archetype}[kind]
        return reader(row, row.get("stem", name) if isinstance(row, dict) else name, "alz")

    # -- resolution ---------------------------------------------------------------------------
    def definition(self, ref: str) -> Definition | None:
        name = _last(ref).lower()
        found = self.definitions.get(name)
        if found is not None:
            return found
        if _is_builtin_id(ref):
            return self.builtin_definition(name)
        return self.alz("definition", name) or self.builtin_definition(name)

    def initiative(self, ref: str) -> Initiative | None:
        name = _last(ref).lower()
        found = self.initiatives.get(name)
        if found is not None:
            return found
        if _is_builtin_id(ref):
            return self.builtin_initiative(name)
        return self.alz("initiative", name) or self.builtin_initiative(name)

    def assignment(self, name: str) -> Assignment | None:
        return self.assignments.get(name.lower()) or self.alz("assignment", name.lower())


# --- reading sources --------------------------------------------------------------------------

@dataclass
class Source:
    """What one --policy argument (or configuration entry) gave."""

    text: str
    records: list = field(default_factory=list)
    applied: list = field(default_factory=list)  # records it applies (see module docstring)


def read_source(text: str, base: Path | None = None) -> Source:
    if text.lower().startswith("builtin:"):
        return builtin_source(text, text[len("builtin:"):])
    path = Path(text)
    if base is not None and not path.is_absolute():
        path = base / path
    if path.is_dir():
        records = []
        for f in policy_files(path):
            records.extend(read_file(f, explicit=False))
    elif path.is_file():
        records = read_file(path, explicit=True)
    else:
        raise PolicySourceError(f"{text}: no such policy file or folder (or give builtin:NAME)")
    return Source(text, records, _applied(records))


def _applied(records: list) -> list:
    assignments = [r for r in records if isinstance(r, Assignment)]
    archetypes = [r for r in records if isinstance(r, Archetype)]
    if assignments or archetypes:
        return assignments + archetypes
    initiatives = [r for r in records if isinstance(r, Initiative)]
    members = {_last(m.definition_id).lower() for i in initiatives for m in i.members}
    return initiatives + [r for r in records if isinstance(r, Definition)
                          and r.name.lower() not in members]


_VERSION_WORD = re.compile(r"^v?\d[\w.]*$", re.IGNORECASE)


def initials(display_name: str) -> str:
    """'[Preview]: Microsoft cloud security benchmark v2' -> 'MCSB'."""
    text = re.sub(r"^\[[^\]]*\]:?\s*", "", display_name)
    words = [w for w in re.split(r"[^A-Za-z0-9]+", text) if w and not _VERSION_WORD.match(w)]
    return "".join(w[0] for w in words).upper()


def builtin_source(text: str, name: str) -> Source:
    from .tables import table
    query = name.strip()
    low = query.lower()
    if low == "all":
        defs = [read_definition(row, row.get("stem", ""), "builtin")
                for row in table("definitions").rows()]
        return Source(text, defs, list(defs))
    if low.startswith("alz:"):
        arche = Library.alz("archetype", low[4:])
        if arche is None:
            names = sorted(k.split(":", 1)[1] for k in table("alz").keys()
                           if k.startswith("archetype:"))
            raise PolicySourceError(f"{text}: no ALZ archetype '{query[4:]}' (there are: "
                                    f"{', '.join(names)})")
        return Source(text, [arche], [arche])
    glob = any(c in query for c in "*?[")
    initiatives = _candidates(query, glob, _initiative_rows())
    if initiatives:
        records = [_read_initiative_row(kind, row) for kind, row in initiatives]
        return Source(text, records, list(records))
    definitions = _candidates(query, glob, _definition_rows())
    if definitions:
        records = [read_definition(row, row.get("stem", ""), kind) for kind, row in definitions]
        return Source(text, records, list(records))
    raise PolicySourceError(f"{text}: no built-in initiative or definition has this name, file "
                            "stem, GUID, display name or initials (see 'armlint policy list "
                            "--policy builtin:all')")


def _read_initiative_row(kind: str, row: dict) -> Initiative:
    return read_initiative(row, row.get("stem", ""), kind)


def _initiative_rows() -> list:
    """(kind, table, key, lookup names) of every bundled initiative, from the tables' headers."""
    from .tables import table
    rows = [("builtin", "initiatives", k, n) for k, n in table("initiatives").header["names"].items()]
    rows += [("alz", "alz", k, n) for k, n in table("alz").header["names"].items()
             if k.startswith("initiative:")]
    return rows


def _definition_rows() -> list:
    from .tables import table
    rows = [("builtin", "definitions", k, n)
            for k, n in table("definitions").header["names"].items()]
    rows += [("alz", "alz", k, n) for k, n in table("alz").header["names"].items()
             if k.startswith("definition:")]
    return rows


def _names(names: list) -> list[str]:
    name = names[0]
    # ALZ versions initiatives by a date suffix: Enforce-Guardrails-Network_20250326
    unversioned = re.sub(r"_\d{8}$", "", name)
    return list(names[:4]) + ([unversioned] if unversioned != name else [])


def _candidates(query: str, glob: bool, rows: list) -> list:
    """(kind, row) of the bundled rows `query` names (see module docstring)."""
    from .tables import table
    low = query.lower()
    if glob:
        found = [r for r in rows if any(fnmatch.fnmatchcase(n.lower(), low)
                                        for n in _names(r[3]) if n)]
    else:
        found = [r for r in rows if any(n.lower() == low for n in _names(r[3]) if n)][:1]
        if not found:
            found = [r for r in rows if initials(r[3][2]) == query.upper()]
            if len(found) > 1:
                found = [r for r in found if not r[3][4]] or found
            if len(found) > 1:
                shown = "; ".join(f"{r[3][1] or r[3][0]} ({r[3][2]})" for r in found[:6])
                raise PolicySourceError(f"builtin:{query} is ambiguous: {shown}; name one by "
                                        "its file stem or GUID")
    return [(kind, table(name).get(key)) for kind, name, key, _ in found]


# --- units ------------------------------------------------------------------------------------

def _literal_values(values: dict) -> dict:
    from ..expr.values import literal_value
    return {k: literal_value(v) for k, v in values.items()}


def _member_values(scope, member) -> dict:
    """A member's parameter values: its `parameters` entries, evaluated against the
    initiative's parameters (`scope`: the assignment's values over the initiative's defaults)."""
    from ..expr.evaluate import EvalContext, resolve
    out = {}
    for name, entry in member.parameters.items():
        raw = entry.get("value") if isinstance(entry, dict) and "value" in entry else entry
        out[name] = resolve(raw, None, EvalContext(scope))
    return out


def _with_defaults(declared: dict, given: dict) -> dict:
    from ..expr.values import literal_value
    values = {}
    for name, decl in (declared or {}).items():
        if isinstance(decl, dict) and "defaultValue" in decl:
            values[name] = literal_value(decl["defaultValue"])
    values.update(_literal_values(given))
    return values


def units(sources: list[Source], library: Library) -> list[Unit]:
    """Every definition the sources apply, once per (definition, assignment, reference)."""
    out: list[Unit] = []
    seen: set = set()

    def add(unit: Unit) -> None:
        if unit.key not in seen:
            seen.add(unit.key)
            out.append(unit)

    for source in sources:
        for record in source.applied:
            if isinstance(record, Archetype):
                for name in record.assignments:
                    assignment = library.assignment(name)
                    if assignment is not None:
                        _assignment_units(assignment, library, add)
            elif isinstance(record, Assignment):
                _assignment_units(record, library, add)
            elif isinstance(record, Initiative):
                _initiative_units(record, {}, None, library, add)
            elif isinstance(record, Definition):
                add(Unit(record, _with_defaults(record.parameters, {})))
    return out


def _assignment_units(assignment: Assignment, library: Library, add) -> None:
    ref = assignment.definition_id
    if "/policysetdefinitions/" in ref.lower():
        initiative = library.initiative(ref)
        if initiative is None:
            raise PolicySourceError(f"{assignment.source}: assignment '{assignment.name}' names "
                                    f"the initiative '{ref}', which is neither given nor built in")
        _initiative_units(initiative, assignment.parameters, assignment, library, add)
        return
    definition = library.definition(ref)
    if definition is None:
        raise PolicySourceError(f"{assignment.source}: assignment '{assignment.name}' names the "
                                f"definition '{ref}', which is neither given nor built in")
    add(Unit(definition, _with_defaults(definition.parameters, assignment.parameters),
             assignment))


def _initiative_units(initiative: Initiative, given: dict, assignment: Assignment | None,
                      library: Library, add) -> None:
    from .functions import PolicyScope
    scope = PolicyScope(initiative.parameters, _with_defaults(initiative.parameters, given))
    for member in initiative.members:
        definition = library.definition(member.definition_id)
        if definition is None:
            raise PolicySourceError(f"{initiative.source}: initiative '{initiative.name}' includes "
                                    f"'{member.definition_id}', which is neither given nor built in")
        values = _with_defaults(definition.parameters, {})
        values.update(_member_values(scope, member))
        add(Unit(definition, values, assignment, initiative, member.reference_id))


def load_sources(texts: list[str], base: Path | None = None) -> tuple[list[Source], Library]:
    """Read every source; raises PolicyFileError or PolicySourceError (usage errors)."""
    sources = [read_source(t, base) for t in texts]
    library = Library()
    for s in sources:
        if not s.text.lower().startswith("builtin:"):
            for r in s.records:
                library.add(r)
    return sources, library


__all__ = ["Library", "PolicyFileError", "PolicySourceError", "Source", "Unit", "load_sources",
           "units", "initials"]
