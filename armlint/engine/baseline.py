"""Baselines: the findings a project has accepted, and matching a run's findings against them.

Owns: the format-neutral baseline model (one entry per accepted finding: rule, file, fingerprint,
and the message for people reading it) and matching. Matching counts: each baseline entry accepts
one finding, so a second finding with the same rule, file and fingerprint is new, and an entry no
finding takes is reported as gone ("absent"). Reading and writing a baseline file is the SARIF
reporter's job; this module knows no file format.
"""
from __future__ import annotations

from collections import Counter

from ..source.record import Record
from .results import Finding


class BaselineError(Exception):
    """A baseline file that cannot be used: a usage error (exit code 2) naming the file."""


class BaselineEntry(Record):
    """An accepted finding: rule, file, fingerprint (and the message, for people)."""
    __slots__ = _fields = ("rule_id", "path", "fingerprint", "message")

    def __init__(self, rule_id: str, path: str, fingerprint: str, message: str = ""):
        self.rule_id = rule_id
        self.path = path  # as findings report it: relative to the run's root, '/'-separated
        self.fingerprint = fingerprint
        self.message = message

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.rule_id, self.path, self.fingerprint)


class Baseline(Record):
    """The accepted findings of a baseline file."""
    _fields = ("entries",)
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, entries: list[BaselineEntry] | None = None):
        self.entries = [] if entries is None else entries


def from_findings(findings: list[Finding]) -> Baseline:
    """The baseline that accepts these findings (suppressed ones need no baseline)."""
    return Baseline([BaselineEntry(f.rule_id, f.location.path, f.fingerprint, f.message)
                     for f in sorted(findings, key=Finding.sort_key) if f.suppression is None])


def _key(f: Finding) -> tuple[str, str, str]:
    return (f.rule_id, f.location.path, f.fingerprint)


def apply_baseline(findings: list[Finding], baseline: Baseline) -> list[BaselineEntry]:
    """Mark each finding "unchanged" (an entry accepts it) or "new"; return the entries no
    finding took. Findings that count (not suppressed) take their entries first."""
    matching = Matching(baseline)
    matching.apply(findings)
    return matching.absent()


class Matching:
    """`apply_baseline` a file at a time, for a run that puts each file's findings away when
    the file is done. An entry names its file, so only that file's findings compete for it: the
    findings of each file matched on their own (`apply`) get the states of matching all at once,
    whatever the order of the files. A file whose findings change after (a finding another
    file's lint placed in it) gives its entries back (`give_back`) and is matched again."""

    def __init__(self, baseline: Baseline):
        self.entries = baseline.entries
        self.left = Counter(e.key for e in baseline.entries)

    def apply(self, findings) -> None:
        left = self.left
        for f in sorted(findings, key=lambda f: (f.suppression is not None, f.sort_key())):
            key = _key(f)
            if left[key] > 0:
                left[key] -= 1
                f.baseline_state = "unchanged"
            else:
                f.baseline_state = "new"

    def give_back(self, findings) -> None:
        for f in findings:
            if f.baseline_state == "unchanged":
                self.left[_key(f)] += 1
            f.baseline_state = None

    def absent(self) -> list[BaselineEntry]:
        """The entries no finding took (after every file was matched)."""
        left = Counter(self.left)
        absent = []
        for e in self.entries:
            if left[e.key] > 0:
                left[e.key] -= 1
                absent.append(e)
        return absent
