"""Text output: one line per finding, `path:line:col: ID [level] message (name)`, the rule
pages of the rules seen, then a summary.

Owns: the format editors and problem matchers read, and its variants: `grouped` (the findings
under a heading per file, for people) and `statistics` (a count per rule instead of the findings,
as ruff's --statistics). Suppressed findings and findings unchanged since the baseline are listed
only with `show_suppressed` (marked, so problem matchers pass over them); the summary counts
them. After the findings, one line per rule seen gives its documentation page. Pure: RunResult
in, string out (`chunks`: in pieces, read from the findings in one pass).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..engine.results import LEVEL_RANK, RunResult
from .escape import visible

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "note": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def _listed(result: RunResult, show_suppressed: bool) -> Iterator:
    return (f for f in result.ordered()
            if show_suppressed or (f.suppression is None and f.baseline_state != "unchanged"))


def _level(f, color: bool) -> str:
    level = "undetermined" if f.kind == "open" else f.level
    return f"{_COLORS.get(f.level, '')}{level}{_RESET}" if color else level


def _suffix(f) -> str:
    return " [suppressed]" if f.suppression is not None else (
        " [in baseline]" if f.baseline_state == "unchanged" else "")


def render(result: RunResult, color: bool = False, show_suppressed: bool = False,
           statistics: bool = False, grouped: bool = False) -> str:
    return "".join(chunks(result, color, show_suppressed, statistics, grouped))


def chunks(result: RunResult, color: bool = False, show_suppressed: bool = False,
           statistics: bool = False, grouped: bool = False) -> Iterator[str]:
    """`render`'s text in pieces, a line at a time: the findings are read once, in order, and
    only the IDs of the rules seen are kept for the rule pages after them."""
    seen: dict[str, None] = {}
    listed = _noting(_listed(result, show_suppressed), seen)
    if statistics:
        lines: Iterable[str] = _statistics(listed, color)
    elif grouped:
        lines = _grouped(listed, color)
    else:
        lines = (_line(f, color) for f in listed)
    for line in lines:
        yield line + "\n"
    for line in rule_pages(result, seen):
        yield line + "\n"
    yield summary(result) + "\n"


def _noting(findings: Iterable, seen: dict) -> Iterator:
    for f in findings:
        seen.setdefault(f.rule_id, None)
        yield f


def _line(f, color: bool) -> str:
    s = f.location.span
    path = visible(f.location.path)
    where = f"{path}:{s.start_line}:{s.start_col}:"
    if color:
        where = f"{_BOLD}{where}{_RESET}"
    return f"{where} {f.rule_id} [{_level(f, color)}] {visible(f.message)} ({f.rule_name}){_suffix(f)}"


def _grouped(listed: Iterable, color: bool) -> Iterator[str]:
    current = None
    for f in listed:
        if f.location.path != current:
            if current is not None:
                yield ""
            current = f.location.path
            heading = f"{visible(current)}:"
            yield f"{_BOLD}{heading}{_RESET}" if color else heading
        s = f.location.span
        yield (f"  {s.start_line}:{s.start_col} {f.rule_id} [{_level(f, color)}] "
               f"{visible(f.message)} ({f.rule_name}){_suffix(f)}")
    if current is not None:
        yield ""


def _statistics(listed: Iterable, color: bool) -> list[str]:
    """One line per rule: how many findings, its ID, level and name; most first."""
    rows: dict[str, list] = {}
    for f in listed:
        row = rows.setdefault(f.rule_id, [0, f])
        row[0] += 1
        if LEVEL_RANK.get(f.level, 0) > LEVEL_RANK.get(row[1].level, 0):
            row[1] = f
    order = sorted(rows.values(), key=lambda r: (-r[0], r[1].rule_id))
    width = max((len(str(count)) for count, _ in order), default=1)
    return [f"{count:>{width}}  {f.rule_id}  [{_level(f, color)}] {f.rule_name}"
            for count, f in order]


def rule_pages(result: RunResult, seen: Iterable[str]) -> list[str]:
    """`see URL for ID (name)`, once per rule with a listed finding (`seen`, their IDs), for
    rules that have a page (built-in rules and Azure Policy definitions; a team's own rules
    have none)."""
    rules = {r.id: r for r in result.rules}
    lines = []
    for rule_id in sorted(seen):
        rule = rules.get(rule_id)
        if rule is None or not getattr(rule, "builtin", True):
            continue
        uri = rule.help_uri
        if not uri:
            continue
        lines.append(f"see {uri} for {rule.id} ({rule.name})")
    return lines


def summary(result: RunResult) -> str:
    counts = {"error": 0, "warning": 0, "note": 0}
    suppressed = unchanged = 0
    for f in result.ordered():
        if f.suppression is not None:
            suppressed += 1
        elif f.baseline_state == "unchanged":
            unchanged += 1
        else:
            counts[f.level] = counts.get(f.level, 0) + 1
    linted = result.linted
    parts = [f"{counts['error']} error{'s' if counts['error'] != 1 else ''}",
             f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}",
             f"{counts['note']} note{'s' if counts['note'] != 1 else ''}"]
    tail = f", {counts['none']} undetermined" if counts.get("none") else ""
    tail += f", {suppressed} suppressed" if suppressed else ""
    if result.baseline:
        tail += f", {unchanged} unchanged and {len(result.absent)} fixed since the baseline"
    return (f"Linted {linted} file{'s' if linted != 1 else ''} ({result.skipped} skipped): "
            f"{', '.join(parts)}{tail}.")
