"""What a run produces: findings with locations, per-file results, and the whole run.

Owns: the data classes passed from the engine to the reporters. Reporters read only these.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from ..source.text import Span

LEVELS = ("note", "warning", "error")
LEVEL_RANK = {"none": 0, "note": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is: the file as shown, the span, and the JSON pointer of the value."""
    path: str  # as the user named it (relative to the working directory where possible)
    span: Span
    pointer: str = ""  # JSON pointer of the reported value in the source, for reference


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding concerns (SARIF's relatedLocations, an editor's related
    information): a finding reported at a module's declaration names where in the module's file
    the problem lies. `source` is the file's absolute path."""
    location: Location
    message: str
    source: str = ""


@dataclass(slots=True)
class Suppression:
    """Why a finding is suppressed (SARIF's suppression object)."""
    kind: str  # "inSource" | "external"
    justification: str = ""
    source: str = ""  # e.g. "armlint-disable-next-line", "metadata", "config", "baseline"


@dataclass(slots=True)
class Finding:
    """One reported problem: the rule, level, message and location, fingerprinted."""
    rule_id: str
    rule_name: str
    level: str
    message: str
    location: Location
    fingerprint: str = ""
    suppression: Suppression | None = None
    baseline_state: str | None = None  # "new" | "unchanged" with a baseline
    item_pointer: str = ""  # JSON pointer of the resource the rule was looking at
    kind: str = "fail"  # SARIF kind: "open" when the answer is not known (undetermined policy)
    related: tuple[Related, ...] = ()  # other places the finding concerns

    def sort_key(self) -> tuple:
        s = self.location.span
        return (self.location.path, s.start_line, s.start_col, self.rule_id, self.message)


@dataclass(slots=True)
class FileResult:
    """What linting one file gave: its kind, findings and the rules that ran (or why it was
    skipped)."""
    path: str
    kind: str  # template | parameters | bicep | bicepparam | skipped | unreadable
    findings: list[Finding] = field(default_factory=list)
    # IDs of the rules that ran on this file: a tuple that results share (FileSettings.rule_ids)
    rules: Sequence[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    source: str = ""  # the absolute path of the file read, when it was read from disk
    reason: str = ""  # why a skipped file was not linted, in words


@dataclass(slots=True)
class RunResult:
    """A whole run: every file's result, the rules selected, and what the baseline left."""
    files: list[FileResult]
    rules: list[Any]  # the selected Rule objects, for reporters that describe them
    root: str = "."  # absolute directory relative paths are resolved against
    fail_level: str = "error"
    baseline: str | None = None  # the baseline file, when one was used
    absent: list = field(default_factory=list)  # baseline entries no finding matched (fixed)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def linted(self) -> int:
        return sum(1 for r in self.files if r.kind not in ("skipped",))

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.files if r.kind == "skipped")

    def failing(self) -> list[Finding]:
        threshold = LEVEL_RANK[self.fail_level]
        return [f for f in self.findings if f.suppression is None and
                f.baseline_state != "unchanged" and LEVEL_RANK.get(f.level, 0) >= threshold]
