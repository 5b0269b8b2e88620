"""Text output: one line per finding, `path:line:col: ID [level] message (name)`, the rule
pages of the rules seen, then a summary.

Owns: the format editors and problem matchers read, and its variants: `grouped` (the findings
under a heading per file, for people) and `statistics` (a count per rule instead of the findings,
as ruff's --statistics). Suppressed findings and findings unchanged since the baseline are listed
only with `show_suppressed` (marked, so problem matchers pass over them); the summary counts
them. After the findings, one line per rule seen gives its documentation page. Pure: RunResult
in, string out.
"""
from __future__ import annotations

from ..engine.results import LEVEL_RANK, RunResult
from .escape import visible

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "note": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def _listed(result: RunResult, show_suppressed: bool) -> list:
    return [f for f in sorted(result.findings, key=lambda f: f.sort_key())
            if show_suppressed or (f.suppression is None and f.baseline_state != "unchanged")]


def _level(f, color: bool) -> str:
    level = "undetermined" if f.kind == "open" else f.level
    return f"{_COLORS.get(f.level, '')}{level}{_RESET}" if color else level


def _suffix(f) -> str:
    return " [suppressed]" if f.suppression is not None else (
        " [in baseline]" if f.baseline_state == "unchanged" else "")


def render(result: RunResult, color: bool = False, show_suppressed: bool = False,
           statistics: bool = False, grouped: bool = False) -> str:
    listed = _listed(result, show_suppressed)
    if statistics:
        lines = _statistics(listed, color)
    elif grouped:
        lines = _grouped(listed, color)
    else:
        lines = []
        for f in listed:
            s = f.location.span
            path = visible(f.location.path)
            where = f"{path}:{s.start_line}:{s.start_col}:"
            if color:
                where = f"{_BOLD}{where}{_RESET}"
            lines.append(f"{where} {f.rule_id} [{_level(f, color)}] {visible(f.message)} "
                         f"({f.rule_name}){_suffix(f)}")
    lines += rule_pages(result, listed)
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def _grouped(listed: list, color: bool) -> list[str]:
    lines: list[str] = []
    current = None
    for f in listed:
        if f.location.path != current:
            if current is not None:
                lines.append("")
            current = f.location.path
            heading = f"{visible(current)}:"
            lines.append(f"{_BOLD}{heading}{_RESET}" if color else heading)
        s = f.location.span
        lines.append(f"  {s.start_line}:{s.start_col} {f.rule_id} [{_level(f, color)}] "
                     f"{visible(f.message)} ({f.rule_name}){_suffix(f)}")
    if lines:
        lines.append("")
    return lines


def _statistics(listed: list, color: bool) -> list[str]:
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


def rule_pages(result: RunResult, listed: list) -> list[str]:
    """`see URL for ID (name)`, once per rule with a listed finding, for rules that have a
    page (built-in rules and Azure Policy definitions; a team's own rules have none)."""
    rules = {r.id: r for r in result.rules}
    seen: dict[str, None] = {}
    for f in listed:
        seen.setdefault(f.rule_id, None)
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
    for f in result.findings:
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
