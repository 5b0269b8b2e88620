"""JUnit XML: one test suite per linted file, one test case per rule that ran on it.

Owns: the format CI systems show as a test report. A test case fails with one `<failure>` per
finding of its rule in its file (suppressed findings and findings unchanged from the baseline do
not fail it). Pure.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..engine.results import RunResult
from .escape import visible


def render(result: RunResult) -> str:
    names = {r.id: r.name for r in result.rules}
    suites = []
    total = failed = 0
    for file in result.files:
        if file.kind == "skipped":
            continue
        by_rule: dict[str, list] = {rid: [] for rid in file.rules}
        for f in file.findings:
            if f.suppression is None and f.baseline_state != "unchanged":
                by_rule.setdefault(f.rule_id, []).append(f)
        cases = []
        suite_failures = 0
        for rid in sorted(by_rule):
            findings = by_rule[rid]
            name = f"{rid} {names.get(rid, '')}".strip()
            body = "".join(
                f"<failure type={quoteattr(f.level)} message={quoteattr(visible(f.message))}>"
                f"{escape(visible(f'{f.location.path}:{f.location.span.start_line}:{f.location.span.start_col}: {f.message}'))}"
                f"</failure>" for f in findings)
            cases.append(f'    <testcase classname={quoteattr(visible(file.path))} '
                         f'name={quoteattr(name)}>'
                         f'{body}</testcase>')
            suite_failures += 1 if findings else 0
        total += len(cases)
        failed += suite_failures
        suites.append(f'  <testsuite name={quoteattr(visible(file.path))} tests="{len(cases)}" '
                      f'failures="{suite_failures}" errors="0" skipped="0">\n' +
                      "\n".join(cases) + ("\n" if cases else "") + "  </testsuite>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="armlint" tests="{total}" failures="{failed}">\n' +
            "\n".join(suites) + ("\n" if suites else "") + "</testsuites>\n")
