"""JUnit XML: one test suite per file, one failing test case per finding at or above the fail
level.

Owns: the format CI systems show as a test report, with counts that agree with the exit code:
the `failures` of the report are the findings that fail the run (`RunResult.failing`), so a
report with failures is a run that exits 1. A finding below the fail level is a skipped test
case that says so (visible, but not a failure); suppressed findings and findings unchanged from
the baseline are left out. A linted file without failing findings has one passing test case, so
every file shows; a file that was not linted is a suite with one skipped test case and the reason.
Everything from a scanned file goes through `visible`, so the XML is well-formed for any input.
Pure; `chunks` gives the report in pieces, a suite at a time.
"""
from __future__ import annotations

from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from ..engine.results import LEVEL_RANK, RunResult
from .escape import visible


def _attr(text: str) -> str:
    return quoteattr(visible(text))


def render(result: RunResult) -> str:
    return "".join(chunks(result))


def chunks(result: RunResult) -> Iterator[str]:
    """`render`'s text in pieces, a test suite at a time: the totals of the first line are
    counted in a first pass over the files, the suites written in a second."""
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for _, cases, failures, skipped in _suites(result, counting=True):
        totals["tests"] += cases
        totals["failures"] += failures
        totals["skipped"] += skipped
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<testsuites name="armlint" tests="{totals["tests"]}" '
           f'failures="{totals["failures"]}" errors="0" skipped="{totals["skipped"]}">\n')
    for suite, _, _, _ in _suites(result):
        yield suite + "\n"
    yield "</testsuites>\n"


def _suites(result: RunResult, counting: bool = False) -> Iterator[tuple[str, int, int, int]]:
    """Each file's test suite (its text, unless `counting`) with its counts of test cases,
    failures and skipped cases."""
    threshold = LEVEL_RANK[result.fail_level]
    for file, findings in result.per_file():
        path = _attr(file.path)
        cases: list[str] = []
        count = failures = skipped = 0
        if file.kind == "skipped":
            if not counting:
                cases.append(f'    <testcase classname={path} name="not linted">'
                             f'<skipped message={_attr(file.reason or "skipped")}/></testcase>')
            count = skipped = 1
        else:
            shown = [f for f in findings
                     if f.suppression is None and f.baseline_state != "unchanged"]
            for f in shown:
                count += 1
                failing = LEVEL_RANK.get(f.level, 0) >= threshold
                if failing:
                    failures += 1
                else:
                    skipped += 1
                if counting:
                    continue
                s = f.location.span
                where = f"{s.start_line}:{s.start_col}"
                name = _attr(f"{f.rule_id} {f.rule_name} at {where}")
                text = escape(visible(f"{file.path}:{where}: {f.rule_id} [{f.level}] {f.message}"))
                if failing:
                    cases.append(f'    <testcase classname={path} name={name}>'
                                 f'<failure type={quoteattr(f.level)} '
                                 f'message={_attr(f.message)}>{text}</failure></testcase>')
                else:
                    level = "undetermined" if f.kind == "open" else f.level
                    why = _attr(f"{level} below the fail level ({result.fail_level}): "
                                f"{f.message}")
                    cases.append(f'    <testcase classname={path} name={name}>'
                                 f'<skipped message={why}/></testcase>')
            if not failures:
                count += 1
                if not counting:
                    cases.insert(0, f'    <testcase classname={path} name="armlint"/>')
        if counting:
            yield "", count, failures, skipped
        else:
            yield (f'  <testsuite name={path} tests="{count}" failures="{failures}" '
                   f'errors="0" skipped="{skipped}">\n' + "\n".join(cases) + "\n  </testsuite>",
                   count, failures, skipped)
