"""Text output: one line per finding, `path:line:col: ID [level] message (name)`, then a summary.

Owns: the format editors and problem matchers read. Suppressed findings and findings unchanged
since the baseline are listed only with `show_suppressed`; the summary counts them.
Pure: RunResult in, string out.
"""
from __future__ import annotations

from ..engine.results import RunResult
from .escape import visible

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "note": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def render(result: RunResult, color: bool = False, show_suppressed: bool = False) -> str:
    lines = []
    for f in sorted(result.findings, key=lambda f: f.sort_key()):
        hidden = f.suppression is not None or f.baseline_state == "unchanged"
        if hidden and not show_suppressed:
            continue
        s = f.location.span
        level = "undetermined" if f.kind == "open" else f.level
        path = visible(f.location.path)
        if color:
            level = f"{_COLORS.get(f.level, '')}{level}{_RESET}"
            where = f"{_BOLD}{path}:{s.start_line}:{s.start_col}:{_RESET}"
        else:
            where = f"{path}:{s.start_line}:{s.start_col}:"
        suffix = " [suppressed]" if f.suppression is not None else (
            " [in baseline]" if f.baseline_state == "unchanged" else "")
        lines.append(f"{where} {f.rule_id} [{level}] {visible(f.message)} ({f.rule_name}){suffix}")
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


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
