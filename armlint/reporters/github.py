"""GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=...::message`.

Owns: the format a GitHub Actions job turns into annotations on the pull request's diff.
Suppressed findings and findings unchanged from the baseline are left out. Pure.
"""
from __future__ import annotations

from ..engine.results import RunResult
from .escape import visible

_COMMANDS = {"error": "error", "warning": "warning", "note": "notice", "none": "notice"}


def _data(text: str) -> str:
    # control characters become visible escapes first, so no line break is left to encode: one
    # finding is one workflow command line, whatever the template holds
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult) -> str:
    lines = []
    for f in sorted(result.findings, key=lambda f: f.sort_key()):
        if f.suppression is not None or f.baseline_state == "unchanged":
            continue
        s = f.location.span
        props = (f"file={_prop(f.location.path)},line={s.start_line},col={s.start_col},"
                 f"endLine={s.end_line},endColumn={s.end_col},"
                 f"title={_prop(f'{f.rule_id} {f.rule_name}')}")
        lines.append(f"::{_COMMANDS.get(f.level, 'warning')} {props}::{_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
