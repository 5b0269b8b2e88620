"""JUnit XML: one test suite per file, one failing test case per finding at or above the fail
level.

Owns: the format CI systems show as a test report, with counts that agree with the exit code:
the `failures` of the report are the findings that fail the run (`RunResult.failing`), so a
report with failures is a run that exits 1. A finding below the fail level is a skipped test
case that says so (visible, but not a failure); suppressed findings and findings unchanged from
the baseline are left out. A linted file without failing findings has one passing test case, so
every file shows; a file that was not linted is a suite with one skipped test case and the reason.
Everything from a scanned file goes through `visible`, so the XML is well-formed for any input.
Pure.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..engine.results import LEVEL_RANK, RunResult
from .escape import visible


def _attr(text: str) -> str:
    return quoteattr(visible(text))


def render(result: RunResult) -> str:
    threshold = LEVEL_RANK[result.fail_level]
    suites = []
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for file in result.files:
        path = _attr(file.path)
        cases: list[str] = []
        failures = skipped = 0
        if file.kind == "skipped":
            cases.append(f'    <testcase classname={path} name="not linted">'
                         f'<skipped message={_attr(file.reason or "skipped")}/></testcase>')
            skipped = 1
        else:
            shown = [f for f in sorted(file.findings, key=lambda f: f.sort_key())
                     if f.suppression is None and f.baseline_state != "unchanged"]
            for f in shown:
                s = f.location.span
                where = f"{s.start_line}:{s.start_col}"
                name = _attr(f"{f.rule_id} {f.rule_name} at {where}")
                text = escape(visible(f"{file.path}:{where}: {f.rule_id} [{f.level}] {f.message}"))
                if LEVEL_RANK.get(f.level, 0) >= threshold:
                    failures += 1
                    cases.append(f'    <testcase classname={path} name={name}>'
                                 f'<failure type={quoteattr(f.level)} '
                                 f'message={_attr(f.message)}>{text}</failure></testcase>')
                else:
                    skipped += 1
                    level = "undetermined" if f.kind == "open" else f.level
                    why = _attr(f"{level} below the fail level ({result.fail_level}): "
                                f"{f.message}")
                    cases.append(f'    <testcase classname={path} name={name}>'
                                 f'<skipped message={why}/></testcase>')
            if not failures:
                cases.insert(0, f'    <testcase classname={path} name="armlint"/>')
        totals["tests"] += len(cases)
        totals["failures"] += failures
        totals["skipped"] += skipped
        suites.append(f'  <testsuite name={path} tests="{len(cases)}" failures="{failures}" '
                      f'errors="0" skipped="{skipped}">\n' + "\n".join(cases) + "\n  </testsuite>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="armlint" tests="{totals["tests"]}" '
            f'failures="{totals["failures"]}" errors="0" skipped="{totals["skipped"]}">\n' +
            "\n".join(suites) + ("\n" if suites else "") + "</testsuites>\n")
