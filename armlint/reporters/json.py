"""JSON output: every finding with its rule, level, message and exact region, and run counts.

Owns: a stable machine-readable shape for scripts (`armlint check --format json`). Pure.
"""
from __future__ import annotations

import json

from .. import __version__
from ..engine.results import RunResult


def render(result: RunResult) -> str:
    findings = []
    for f in sorted(result.findings, key=lambda f: f.sort_key()):
        s = f.location.span
        item = {
            "rule_id": f.rule_id, "rule_name": f.rule_name, "level": f.level,
            "message": f.message, "path": f.location.path,
            "start_line": s.start_line, "start_column": s.start_col,
            "end_line": s.end_line, "end_column": s.end_col,
            "pointer": f.location.pointer, "fingerprint": f.fingerprint,
            "suppressed": f.suppression is not None,
        }
        if f.suppression is not None:
            item["suppression"] = {"kind": f.suppression.kind, "source": f.suppression.source,
                                   "justification": f.suppression.justification}
        if f.baseline_state:
            item["baseline_state"] = f.baseline_state
        if f.kind != "fail":  # "open": an undetermined Azure Policy result
            item["kind"] = f.kind
        findings.append(item)
    out = {
        "tool": "armlint", "version": __version__,
        "files_linted": result.linted, "files_skipped": result.skipped,
        "findings": findings,
        "skipped": [{"path": f.path, "reason": f.reason} for f in result.files
                    if f.kind == "skipped"],
    }
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
