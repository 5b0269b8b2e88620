"""GitHub Actions: workflow commands for annotations, and the Markdown job summary.

Owns: the format a GitHub Actions job turns into annotations on the pull request's diff
(`::error file=...,line=...,col=...,title=...::message`), within GitHub's cap (10 error, 10
warning and 10 notice annotations per step, 50 per job; more are dropped without a word): the
first findings of each kind are annotations, the rest are plain `path:line:col: ...` lines in
the log, and a last line says how many were not annotated. Also the table GitHub shows on the
run's page when `GITHUB_STEP_SUMMARY` is set (`summary`): per rule its level, count and first
location, with Markdown escaped. Suppressed findings and findings unchanged from the baseline
are left out of both. Pure; `chunks` gives the annotations in pieces, from one pass over the
findings.
"""
from __future__ import annotations

import html
from collections.abc import Iterator

from ..engine.results import LEVEL_RANK, RunResult
from .escape import visible

_COMMANDS = {"error": "error", "warning": "warning", "note": "notice", "none": "notice"}
PER_STEP = 10  # annotations of each kind GitHub shows per step


def _data(text: str) -> str:
    # control characters become visible escapes first, so no line break is left to encode: one
    # finding is one workflow command line, whatever the template holds
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _shown(result: RunResult) -> Iterator:
    return (f for f in result.ordered()
            if f.suppression is None and f.baseline_state != "unchanged")


def render(result: RunResult) -> str:
    return "".join(chunks(result))


def chunks(result: RunResult) -> Iterator[str]:
    """`render`'s text in pieces, a line at a time: the findings are read once, in order; the
    caps need only counts."""
    used = {"error": 0, "warning": 0, "notice": 0}
    plain = 0
    for f in _shown(result):
        command = _COMMANDS.get(f.level, "warning")
        s = f.location.span
        if used[command] < PER_STEP:
            used[command] += 1
            props = (f"file={_prop(f.location.path)},line={s.start_line},col={s.start_col},"
                     f"endLine={s.end_line},endColumn={s.end_col},"
                     f"title={_prop(f'{f.rule_id} {f.rule_name}')}")
            yield f"::{command} {props}::{_data(f.message)}\n"
        else:
            plain += 1
            level = "undetermined" if f.kind == "open" else f.level
            yield visible(f"{f.location.path}:{s.start_line}:{s.start_col}: {f.rule_id} "
                          f"[{level}] {f.message} ({f.rule_name})") + "\n"
    if plain:
        yield (f"armlint: {plain} finding{'s were' if plain != 1 else ' was'} not "
               f"annotated (GitHub shows {PER_STEP} error, {PER_STEP} warning and "
               f"{PER_STEP} notice annotations per step); "
               f"{'they are' if plain != 1 else 'it is'} listed above\n")


def _cell(text: str) -> str:
    """Table cell text: no HTML, no Markdown emphasis, links or code, no column break."""
    out = html.escape(visible(text), quote=False)
    for ch in "\\`*_[]|#~!":
        out = out.replace(ch, "\\" + ch)
    return out


def summary(result: RunResult) -> str:
    """The Markdown a step appends to $GITHUB_STEP_SUMMARY: a count line and, per rule, its
    level, count and first location."""
    from .text import summary as counts
    out = ["### armlint", "", _cell(counts(result)), ""]
    rows: dict[str, list] = {}
    for f in _shown(result):
        row = rows.get(f.rule_id)
        if row is None:
            rows[f.rule_id] = [f, 0, f.level]
            row = rows[f.rule_id]
        row[1] += 1
        if LEVEL_RANK.get(f.level, 0) > LEVEL_RANK.get(row[2], 0):
            row[2] = f.level
    if not rows:
        return "\n".join(out) + "\n"
    out += ["| rule | level | count | first location |", "| --- | --- | --- | --- |"]
    order = sorted(rows.values(), key=lambda r: (-LEVEL_RANK.get(r[2], 0), -r[1], r[0].rule_id))
    for first, count, level in order:
        s = first.location.span
        out.append(f"| {_cell(first.rule_id)} {_cell(first.rule_name)} | {_cell(level)} | "
                   f"{count} | {_cell(f'{first.location.path}:{s.start_line}:{s.start_col}')} |")
    return "\n".join(out) + "\n"
