"""What a run produces: findings with locations, per-file results, and the whole run.

Owns: the data classes passed from the engine to the reporters. Reporters read only these.
"""
from __future__ import annotations

from ..source.record import Record

TYPE_CHECKING = False  # typing is not imported on the way of a cached run (issue 12)
if TYPE_CHECKING:
    from typing import Any, Iterator, Sequence

    from ..source.text import Span

LEVELS = ("note", "warning", "error")
LEVEL_RANK = {"none": 0, "note": 1, "warning": 2, "error": 3}


class Location(Record):
    """Where a finding is: the file as shown, the span, and the JSON pointer of the value."""
    __slots__ = _fields = ("path", "span", "pointer")

    def __init__(self, path: str, span: Span, pointer: str = ""):
        self.path = path  # as the user named it (relative to the working directory where possible)
        self.span = span
        self.pointer = pointer  # JSON pointer of the reported value in the source, for reference


class Related(Record):
    """Another place a finding concerns (SARIF's relatedLocations, an editor's related
    information): a finding reported at a module's declaration names where in the module's file
    the problem lies. `source` is the file's absolute path."""
    __slots__ = _fields = ("location", "message", "source")

    def __init__(self, location: Location, message: str, source: str = ""):
        self.location = location
        self.message = message
        self.source = source


class Suppression(Record):
    """Why a finding is suppressed (SARIF's suppression object)."""
    __slots__ = _fields = ("kind", "justification", "source")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, kind: str, justification: str = "", source: str = ""):
        self.kind = kind  # "inSource" | "external"
        self.justification = justification
        self.source = source  # e.g. "armlint-disable-next-line", "metadata", "config", "baseline"


class Finding(Record):
    """One reported problem: the rule, level, message and location, fingerprinted."""
    __slots__ = _fields = ("rule_id", "rule_name", "level", "message", "location", "fingerprint",
                           "suppression", "baseline_state", "item_pointer", "kind", "related")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, rule_id: str, rule_name: str, level: str, message: str,
                 location: Location, fingerprint: str = "",
                 suppression: Suppression | None = None, baseline_state: str | None = None,
                 item_pointer: str = "", kind: str = "fail", related: tuple[Related, ...] = ()):
        self.rule_id = rule_id
        self.rule_name = rule_name
        self.level = level
        self.message = message
        self.location = location
        self.fingerprint = fingerprint
        self.suppression = suppression
        self.baseline_state = baseline_state  # "new" | "unchanged" with a baseline
        self.item_pointer = item_pointer  # JSON pointer of the resource the rule was looking at
        self.kind = kind  # SARIF kind: "open" when the answer is not known (undetermined policy)
        self.related = related  # other places the finding concerns

    def sort_key(self) -> tuple:
        s = self.location.span
        return (self.location.path, s.start_line, s.start_col, self.rule_id, self.message)


def finding_data(f: Finding) -> list:
    """A finding as plain JSON data (the result cache's entries, the spool's records): every
    field, its related places included, so a finding read back reports exactly the same."""
    sup = f.suppression
    return [f.rule_id, f.rule_name, f.level, f.message, f.location.path,
            _span_data(f.location.span), f.location.pointer,
            f.fingerprint, None if sup is None else [sup.kind, sup.justification, sup.source],
            f.baseline_state, f.item_pointer, f.kind,
            [[r.location.path, _span_data(r.location.span), r.location.pointer, r.message,
              r.source] for r in f.related]]


def _span_data(s: Span) -> list:
    return [s.start_line, s.start_col, s.end_line, s.end_col]


def _same(value):
    return value


def finding_from_data(data: list, text=_same, number=_same) -> Finding:
    """The finding `finding_data` gave. `text` and `number` check each string and integer of data
    that may have been tampered with (a cache folder is not trusted) and raise ValueError; data
    armlint wrote a moment ago passes them through."""
    from ..source.text import Span
    (rule_id, name, level, message, path, span, pointer, fingerprint, sup, state, item, kind,
     related) = data

    def location(path, span, pointer) -> Location:
        return Location(text(path), Span(*(number(n) for n in span)), text(pointer))
    return Finding(text(rule_id), text(name), text(level), text(message),
                   location(path, span, pointer), text(fingerprint),
                   None if sup is None else Suppression(*(text(x) for x in sup)),
                   None if state is None else text(state), text(item), text(kind),
                   tuple(Related(location(p, s, ptr), text(m), text(src))
                         for p, s, ptr, m, src in related))


class FileResult(Record):
    """What linting one file gave: its kind, findings and the rules that ran (or why it was
    skipped)."""
    __slots__ = _fields = ("path", "kind", "findings", "rules", "stats", "source", "reason")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, path: str, kind: str, findings: list[Finding] | None = None,
                 rules: Sequence[str] | None = None, stats: dict | None = None, source: str = "",
                 reason: str = ""):
        self.path = path
        self.kind = kind  # template | parameters | bicep | bicepparam | skipped | unreadable
        self.findings = [] if findings is None else findings
        # IDs of the rules that ran on this file: a tuple that results share
        # (FileSettings.rule_ids)
        self.rules = [] if rules is None else rules
        self.stats = stats  # None unless a caller gives some (not a dict for each of many files)
        self.source = source  # the absolute path of the file read, when it was read from disk
        self.reason = reason  # why a skipped file was not linted, in words


class RunResult(Record):
    """A whole run: every file's result, the rules selected, and what the baseline left."""
    __slots__ = _fields = ("files", "rules", "root", "fail_level", "baseline", "absent", "spool")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, files: list[FileResult], rules: list[Any], root: str = ".",
                 fail_level: str = "error", baseline: str | None = None,
                 absent: list | None = None, spool: Any = None):
        self.files = files
        self.rules = rules  # the selected Rule objects, for reporters that describe them
        self.root = root  # absolute directory relative paths are resolved against
        self.fail_level = fail_level
        self.baseline = baseline  # the baseline file, when one was used
        self.absent = [] if absent is None else absent  # baseline entries no finding matched
        # the engine.spool.FindingSpool that holds the files' findings, when a run has one: it
        # writes them to a temporary file past its budget, and the files then read them back
        self.spool = spool

    @property
    def findings(self) -> list[Finding]:
        """Every finding, file by file (each file's in its own order)."""
        if self.spool is not None:
            return self.spool.everything(self.files)
        return [f for r in self.files for f in r.findings]

    def ordered(self) -> Iterator[Finding]:
        """Every finding in the order reports list them: sorted by `Finding.sort_key`, ties in
        the order of the files and of each file's findings."""
        if self.spool is not None:
            return self.spool.ordered()
        return iter(sorted(self.findings, key=Finding.sort_key))

    def per_file(self) -> Iterator[tuple[FileResult, list[Finding]]]:
        """Each file with its findings sorted by `Finding.sort_key`, in the order of the files."""
        if self.spool is None:
            for r in self.files:
                yield r, sorted(r.findings, key=Finding.sort_key)
            return
        written = self.spool.by_file()
        upcoming = next(written, None)
        for i, r in enumerate(self.files):
            while upcoming is not None and upcoming[0] < i:
                upcoming = next(written, None)
            if upcoming is not None and upcoming[0] == i:
                yield r, upcoming[1]
            else:  # still held in memory (a list), or none
                yield r, sorted(r.findings, key=Finding.sort_key)

    @property
    def linted(self) -> int:
        return sum(1 for r in self.files if r.kind not in ("skipped",))

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.files if r.kind == "skipped")

    def failing(self) -> list[Finding]:
        """The findings that fail the run (at or above the fail level, not suppressed, not
        accepted by the baseline)."""
        return list(self._failing())

    def fails(self) -> bool:
        """Whether any finding fails the run."""
        return next(self._failing(), None) is not None

    def _failing(self) -> Iterator[Finding]:
        threshold = LEVEL_RANK[self.fail_level]
        return (f for f in self.ordered() if f.suppression is None and
                f.baseline_state != "unchanged" and LEVEL_RANK.get(f.level, 0) >= threshold)
