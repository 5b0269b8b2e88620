"""JSON output: every finding with its rule, level, message and exact region, and run counts.

Owns: a stable machine-readable shape for scripts (`armlint check --format json`). Pure.
`chunks` gives the document in pieces, one finding at a time, so that a large run is written as it
is encoded: the whole document as one object (a dict per finding) and `json.dumps(indent=2)`
(whose Python encoder keeps every token until the end) took about 3 KB per finding at once.
The pieces join to exactly what `json.dumps(document, indent=2)` writes.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from .. import __version__
from ..engine.results import Finding, RunResult


def render(result: RunResult) -> str:
    return "".join(chunks(result))


def chunks(result: RunResult) -> Iterator[str]:
    """The document in pieces: the head, each finding, the skipped files."""
    head = json.dumps({"tool": "armlint", "version": __version__,
                       "files_linted": result.linted, "files_skipped": result.skipped},
                      indent=2, ensure_ascii=False)
    yield head[:-2] + ',\n  "findings": '  # without the closing "\n}"
    yield from _array(_item(f) for f in result.ordered())
    yield ',\n  "skipped": '
    yield from _array({"path": f.path, "reason": f.reason} for f in result.files
                      if f.kind == "skipped")
    yield "\n}\n"


def _array(items) -> Iterator[str]:
    """A member array of the top object, as `json.dumps(indent=2)` writes it there."""
    first = True
    for item in items:
        text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield ("[\n    " if first else ",\n    ") + text
        first = False
    yield "[]" if first else "\n  ]"


def _item(f: Finding) -> dict:
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
    return item
