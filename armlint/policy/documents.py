"""Policy documents: definitions, initiatives, assignments and ALZ archetypes, read from files.

Owns: recognising what a JSON document is and reading it into `Definition`, `Initiative`,
`Assignment` or `Archetype` records, for the forms people have them in: Azure's export format
(`{name, id, properties: {...}}`), the flattened form `az policy ... show` prints, a bare
`{policyRule}` or `{if, then}` (named after its file), an array of any of these, Enterprise Policy
as Code files, and the Azure Landing Zones library files (`*.alz_policy_definition.json`,
`*.alz_policy_set_definition.json`, `*.alz_policy_assignment.json`,
`*.alz_archetype_definition.json`). A file that is not valid JSON, or a policy document with a
broken structure, is a `PolicyFileError` naming the file, line and column (exit code 2).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class PolicyFileError(Exception):
    def __init__(self, path: Path | str, line: int, col: int, message: str):
        self.path, self.line, self.col, self.message = str(path), line, col, message
        super().__init__(f"{path}:{line}:{col}: {message}")


@dataclass(eq=False)
class Definition:
    name: str
    id: str
    display_name: str
    rule: dict
    parameters: dict = field(default_factory=dict)
    mode: str | None = None
    description: str = ""
    category: str = ""
    version: str = ""
    preview: bool = False
    deprecated: bool = False
    policy_type: str = ""
    source: str = ""  # file path, "builtin" or "alz"

    @property
    def mode_key(self) -> str:
        """all, indexed (also for no mode: Azure reads a missing mode as Indexed) or the
        resource provider mode, lower case."""
        return (self.mode or "indexed").lower()


@dataclass
class Member:
    definition_id: str  # an ID, or a name (Enterprise Policy as Code's policyDefinitionName)
    reference_id: str
    parameters: dict = field(default_factory=dict)  # name -> raw value (may be an expression)


@dataclass(eq=False)
class Initiative:
    name: str
    id: str
    display_name: str
    members: list[Member] = field(default_factory=list)
    parameters: dict = field(default_factory=dict)
    description: str = ""
    category: str = ""
    version: str = ""
    preview: bool = False
    deprecated: bool = False
    stem: str = ""
    source: str = ""


@dataclass(eq=False)
class Assignment:
    name: str
    id: str
    display_name: str
    definition_id: str
    parameters: dict = field(default_factory=dict)  # name -> value
    enforcement_mode: str = "Default"
    not_scopes: list = field(default_factory=list)
    messages: list = field(default_factory=list)  # (reference id or None, message)
    overrides: list = field(default_factory=list)
    resource_selectors: list = field(default_factory=list)
    scope: str = ""
    description: str = ""
    source: str = ""

    @property
    def enforced(self) -> bool:
        return str(self.enforcement_mode).lower() != "donotenforce"

    def message_for(self, reference_id: str | None) -> str | None:
        default = None
        for ref, message in self.messages:
            if ref is None:
                default = message
            elif reference_id is not None and ref.lower() == reference_id.lower():
                return message
        return default


@dataclass(eq=False)
class Archetype:
    name: str
    assignments: list[str] = field(default_factory=list)
    source: str = ""


def _flag(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _body(doc: dict) -> dict:
    props = doc.get("properties")
    return props if isinstance(props, dict) else doc


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _preview(body: dict, meta: dict) -> bool:
    return _flag(meta.get("preview")) or _text(body.get("displayName")).startswith("[Preview]")


def _deprecated(body: dict, meta: dict) -> bool:
    return _flag(meta.get("deprecated")) or \
        _text(body.get("displayName")).startswith("[Deprecated]")


def read_definition(doc: dict, stem: str, source: str) -> Definition:
    body = _body(doc)
    rule = body.get("policyRule") if "policyRule" in body else \
        ({"if": body.get("if"), "then": body.get("then")} if "if" in body else None)
    meta = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
    name = _text(doc.get("name")) or _text(body.get("name")) or stem
    return Definition(
        name=name, id=_text(doc.get("id")) or _text(body.get("id")),
        display_name=_text(body.get("displayName")) or name, rule=rule,
        parameters=body.get("parameters") if isinstance(body.get("parameters"), dict) else {},
        mode=_text(body.get("mode")) or None, description=_text(body.get("description")),
        category=_text(meta.get("category")) or _text(body.get("category")),
        version=_text(body.get("version")) or _text(meta.get("version")),
        preview=_preview(body, meta), deprecated=_deprecated(body, meta),
        policy_type=_text(body.get("policyType")), source=source)


def read_initiative(doc: dict, stem: str, source: str) -> Initiative:
    body = _body(doc)
    meta = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
    name = _text(doc.get("name")) or _text(body.get("name")) or stem
    members = []
    for i, m in enumerate(body.get("policyDefinitions") or []):
        if not isinstance(m, dict):
            continue
        target = _text(m.get("policyDefinitionId")) or _text(m.get("policyDefinitionName"))
        params = m.get("parameters") if isinstance(m.get("parameters"), dict) else {}
        members.append(Member(target, _text(m.get("policyDefinitionReferenceId")) or
                              f"{target.rsplit('/', 1)[-1]}_{i}", params))
    return Initiative(
        name=name, id=_text(doc.get("id")), display_name=_text(body.get("displayName")) or name,
        members=members,
        parameters=body.get("parameters") if isinstance(body.get("parameters"), dict) else {},
        description=_text(body.get("description")),
        category=_text(meta.get("category")) or _text(body.get("category")),
        version=_text(body.get("version")) or _text(meta.get("version")),
        preview=_preview(body, meta), deprecated=_deprecated(body, meta),
        stem=doc.get("stem") or stem, source=source)


def read_assignment(doc: dict, stem: str, source: str) -> Assignment:
    body = _body(doc)
    params = {}
    for k, v in (body.get("parameters") or {}).items():
        params[k] = v.get("value") if isinstance(v, dict) and "value" in v else v
    messages = []
    for m in body.get("nonComplianceMessages") or []:
        if isinstance(m, dict) and isinstance(m.get("message"), str):
            messages.append((m.get("policyDefinitionReferenceId"), m["message"]))
    name = _text(doc.get("name")) or _text(body.get("name")) or stem
    return Assignment(
        name=name, id=_text(doc.get("id")), display_name=_text(body.get("displayName")) or name,
        definition_id=_text(body.get("policyDefinitionId")), parameters=params,
        enforcement_mode=_text(body.get("enforcementMode")) or "Default",
        not_scopes=[s for s in body.get("notScopes") or [] if isinstance(s, str)],
        messages=messages, overrides=list(body.get("overrides") or []),
        resource_selectors=list(body.get("resourceSelectors") or []),
        scope=_text(body.get("scope")), description=_text(body.get("description")),
        source=source)


def read_archetype(doc: dict, stem: str, source: str) -> Archetype:
    names = [n for n in doc.get("policy_assignments") or [] if isinstance(n, str)]
    return Archetype(_text(doc.get("name")) or stem, names, source)


_SUFFIXES = (
    (".alz_policy_definition.json", "definition"),
    (".alz_policy_set_definition.json", "initiative"),
    (".alz_policy_assignment.json", "assignment"),
    (".alz_archetype_definition.json", "archetype"),
)


def stem_of(path: Path) -> str:
    name = path.name
    for suffix, _ in _SUFFIXES:
        if name.endswith(suffix):
            return name[:-len(suffix)]
    for suffix in (".jsonc", ".json"):
        if name.lower().endswith(suffix):
            return name[:-len(suffix)]
    return name


def kind_of(doc: Any, path: Path | None = None) -> str | None:
    """definition | initiative | assignment | archetype | None (not a policy document)."""
    if path is not None:
        for suffix, kind in _SUFFIXES:
            if path.name.endswith(suffix):
                return kind
    if not isinstance(doc, dict):
        return None
    rtype = _text(doc.get("type")).lower()
    if rtype.endswith("/policydefinitions"):
        return "definition"
    if rtype.endswith("/policysetdefinitions"):
        return "initiative"
    if rtype.endswith("/policyassignments"):
        return "assignment"
    if "policy_assignments" in doc and ("policy_definitions" in doc or "name" in doc):
        return "archetype"
    body = _body(doc)
    if "policyRule" in body or ("if" in body and "then" in body):
        return "definition"
    if "policyDefinitions" in body:
        return "initiative"
    if "policyDefinitionId" in body:
        return "assignment"
    return None


_READERS = {"definition": read_definition, "initiative": read_initiative,
            "assignment": read_assignment, "archetype": read_archetype}


def check_definition(doc, pointer: tuple, definition: Definition, fail) -> None:
    """A definition's rule must have an `if` object and a `then` with an effect."""
    rule = definition.rule
    body_ptr = pointer + (("properties",) if isinstance(doc, dict) and "properties" in doc else ())
    if not isinstance(rule, dict):
        fail(body_ptr, "a policy definition needs a 'policyRule' object with 'if' and 'then'")
    rule_ptr = body_ptr + (("policyRule",) if "policyRule" in _body(doc) else ())
    if not isinstance(rule.get("if"), dict):
        fail(rule_ptr, "the policy rule needs an 'if' condition object")
    then = rule.get("then")
    if not isinstance(then, dict) or not isinstance(then.get("effect"), str):
        fail(rule_ptr + (("then",) if "then" in rule else ()),
             "the policy rule needs 'then' with an 'effect'")


def read_file(path: Path, explicit: bool) -> list:
    """The policy records in one file; [] for JSON that is no policy document (in a folder),
    PolicyFileError for bad JSON, a broken policy document, or (named file) no policy at all."""
    from ..source import jsonc
    from ..source.files import ReadRefused
    from ..source.files import read_file as read_bytes
    from ..source.text import DecodeError, decode
    try:
        text = decode(read_bytes(path)).text
    except ReadRefused as exc:  # not a regular file, too big, unreadable: never blocks
        raise PolicyFileError(path, 1, 1, f"the policy file is not read: {exc.reason}") from None
    except DecodeError as exc:
        raise PolicyFileError(path, exc.line, exc.col, exc.message) from None
    doc = jsonc.load(text)
    if not doc.ok:
        span = doc.error_span()
        raise PolicyFileError(path, span.start_line, span.start_col, doc.error.message)

    def fail(pointer: tuple, message: str):
        span, _ = doc.locate(tuple(pointer), "value")
        raise PolicyFileError(path, span.start_line, span.start_col, message)

    value = doc.value
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    if isinstance(value, dict) and isinstance(value.get("value"), list) and \
            kind_of(value, path) is None:  # a REST list response {"value": [...]}
        items = [(("value", i), v) for i, v in enumerate(value["value"])]
    stem = stem_of(path)
    out = []
    for index, item in items:
        pointer = () if index is None else (index if isinstance(index, tuple) else (index,))
        kind = kind_of(item, path)
        if kind is None:
            if isinstance(item, dict) and ("policyRule" in _body(item) or "if" in _body(item)):
                kind = "definition"
            elif explicit:
                fail(pointer, "not a policy definition, initiative, assignment or ALZ archetype")
            else:
                continue
        name_stem = stem if index is None else f"{stem}[{index}]"
        record = _READERS[kind](item, name_stem, str(path))
        if kind == "definition":
            check_definition(item, pointer, record, fail)
        elif kind == "assignment" and not record.definition_id:
            fail(pointer, "a policy assignment needs a 'policyDefinitionId'")
        elif kind == "initiative" and not record.members:
            fail(pointer, "a policy set definition needs 'policyDefinitions'")
        out.append(record)
    return out


def policy_files(folder: Path) -> list[Path]:
    """JSON files under a folder (recursively; hidden folders and symbolic links skipped, so a
    walk never leaves the folder), in a stable order."""
    import os
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            p = Path(root) / name
            if p.suffix.lower() in (".json", ".jsonc") and not p.is_symlink():
                found.append(p)
    return sorted(found, key=lambda p: p.as_posix().lower())
