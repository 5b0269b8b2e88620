"""Suppression, applied in one place after the rules ran: inline directives, `metadata.armlint.
suppress` entries in templates and resources, and configuration overrides.

Owns: deciding which findings are suppressed (they are kept, marked with the kind and the
justification, and never count for the exit code), reporting directives that name an unknown rule
or silence nothing (AL0004). A directive or entry names rules by ID, name, or the Bicep linter
code of a rule that claims it as an equivalent. Findings accepted by a baseline are matched in
`baseline`.
"""
from __future__ import annotations

from ..source.directives import Directive
from ..source.record import Record
from .results import Finding, Location, Suppression

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

INVALID_SUPPRESSION = "AL0004"


class MetadataEntry(Record):
    __slots__ = _fields = ("selectors", "reason", "scope_pointer", "location", "used")
    __hash__ = None  # type: ignore[assignment]  (it can change)

    def __init__(self, selectors: list[str], reason: str, scope_pointer: str, location: Location,
                 used: bool = False):
        self.selectors = selectors
        self.reason = reason
        # "" for the whole template, else the resource's JSON pointer
        self.scope_pointer = scope_pointer
        self.location = location  # of the entry, for reporting it
        self.used = used


def _matches(catalogue, selector: str, finding: Finding) -> bool | None:
    """Whether a selector names the finding's rule; None if it names no rule at all."""
    selects = catalogue.selector_test(selector)
    return None if selects is None else selects(finding.rule_id)


def names_a_rule(catalogue, selector: str) -> bool:
    probe = Finding("", "", "", "", None)  # type: ignore[arg-type]
    return _matches(catalogue, selector, probe) is not None


def apply(findings: list[Finding], catalogue, directives: list[Directive],
          metadata: list[MetadataEntry], overrides: list[tuple], path: str) -> list[Finding]:
    """Mark suppressed findings in place; return AL0004 findings for bad directives."""
    for f in findings:
        if f.rule_id == INVALID_SUPPRESSION:
            continue
        line = f.location.span.start_line
        for d in directives:
            if d.first_line <= line <= d.last_line and any(_matches(catalogue, s, f) for s in d.selectors):
                d.used.add(f.rule_id)
                if f.suppression is None:
                    source = "#disable-next-line" if d.kind == "bicep-next-line" else (
                        "#disable-diagnostics" if d.kind == "bicep-region" else
                        "armlint-disable-next-line")
                    f.suppression = Suppression("inSource", d.reason, source)
        for m in metadata:
            if (not m.scope_pointer or _within(f, m.scope_pointer)) and \
                    any(_matches(catalogue, s, f) for s in m.selectors):
                m.used = True
                if f.suppression is None:
                    f.suppression = Suppression("inSource", m.reason, "metadata")
        for ids, pointer, reason in overrides:
            if f.rule_id in ids and (not pointer or _within(f, pointer)) and f.suppression is None:
                f.suppression = Suppression("external", reason, "config")
    return _invalid(findings, catalogue, directives, metadata, path)


def _within(f: Finding, pointer: str) -> bool:
    for candidate in (f.location.pointer, f.item_pointer):
        if candidate and (candidate == pointer or candidate.startswith(pointer + "/")):
            return True
    return False


def _invalid(findings, catalogue, directives, metadata, path) -> list[Finding]:
    rule = catalogue.find(INVALID_SUPPRESSION)
    out: list[Finding] = []
    if rule is None:
        return out

    def add(message: str, location: Location) -> None:
        out.append(Finding(rule.id, rule.name, rule.level, message, location))

    for d in directives:
        if not d.checked:
            continue
        location = Location(path, d.span)
        unknown = [s for s in d.selectors if not names_a_rule(catalogue, s)]
        if not d.selectors:
            add("armlint-disable-next-line names no rule; name the rule IDs or names to silence",
                location)
        elif unknown:
            add(f"armlint-disable-next-line names {', '.join(repr(u) for u in unknown)}, which "
                f"is not a rule (see 'armlint rules')", location)
        elif not d.used:
            add(f"armlint-disable-next-line {' '.join(d.selectors)} silences nothing on line "
                f"{d.first_line}; remove it", location)
    for m in metadata:
        unknown = [s for s in m.selectors if not names_a_rule(catalogue, s)]
        if unknown:
            add(f"metadata.armlint.suppress names {', '.join(repr(u) for u in unknown)}, which is "
                f"not a rule (see 'armlint rules')", m.location)
        elif not m.used:
            add(f"metadata.armlint.suppress {', '.join(m.selectors)} silences nothing; remove it",
                m.location)
    return out


def metadata_entries(raw_owner: Any, owner_pointer: str, origin, path: str, locate) -> list:
    """`metadata.armlint.suppress` entries of a template or resource object."""
    meta = raw_owner.get("metadata") if isinstance(raw_owner, dict) else None
    armlint = meta.get("armlint") if isinstance(meta, dict) else None
    entries = armlint.get("suppress") if isinstance(armlint, dict) else None
    if not isinstance(entries, list):
        return []
    out = []
    for i, entry in enumerate(entries):
        if isinstance(entry, str):
            rules, _, reason = entry.partition("--")
            selectors = [s for s in rules.replace(",", " ").split() if s]
        elif isinstance(entry, dict):
            rule = entry.get("rule") or entry.get("rules")
            selectors = [rule] if isinstance(rule, str) else [s for s in (rule or []) if isinstance(s, str)]
            reason = entry.get("reason", "") if isinstance(entry.get("reason"), str) else ""
        else:
            continue
        span = locate(origin, ("metadata", "armlint", "suppress", i))
        out.append(MetadataEntry(selectors, reason.strip(), owner_pointer, Location(path, span)))
    return out
