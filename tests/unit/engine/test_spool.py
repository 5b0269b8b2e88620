"""engine.spool: findings written out past the budget come back in exactly the order and with
exactly the fields of the findings kept in memory, so every report is the same byte for byte."""
import os

import pytest

from armlint.engine.results import FileResult, Finding, Location, Related, RunResult, Suppression
from armlint.engine.spool import FindingSpool, SpilledFindings
from armlint.reporters import github, json as json_reporter, junit, sarif, text
from armlint.source.text import Span
from tests.conftest import REPO


def finding(path, line, col, rule="AL5001", message="m", level="error", **extra):
    return Finding(rule, "extensions-without-vm-agent", level, message,
                   Location(path, Span(line, col, line, col + 3), f"/resources/{line}"),
                   fingerprint=f"fp{line}{col}{rule}", **extra)


def files():
    """Files out of path order, findings out of order within a file, ties on the sort key, a
    suppressed and an undetermined finding, related places, a name with
    characters a terminal acts on."""
    odd = "b/\\udcff\u202e\u00e9.json"
    return [
        FileResult("z.json", "template", [finding("z.json", 9, 1), finding("z.json", 2, 7),
                                          finding("z.json", 2, 7, message="m")]),
        FileResult("skip.json", "skipped", reason="not a template"),
        FileResult("a-b/x.json", "template", [
            finding("a-b/x.json", 4, 2, suppression=Suppression("inSource", "why", "comment")),
            finding("a-b/x.json", 1, 1, rule="AL1002", level="warning", kind="open")]),
        FileResult("a/x.json", "template", [
            finding("a/x.json", 5, 5, related=(Related(Location("m.json", Span(1, 2, 3, 4), "/p"),
                                                       "inside", "/abs/m.json"),)),
            finding("a/x.json", 5, 5, rule="AL1001", level="note")]),
        FileResult("empty.json", "template", []),
        FileResult(odd, "template", [finding(odd, 3, 3, message="\x1b[31mred")]),
    ]


def spooled(budget):
    results = files()
    spool = FindingSpool(budget)
    for i, r in enumerate(results):
        spool.add(i, r)
    return RunResult(results, [], root=str(REPO), spool=spool)


def reports(result):
    return [json_reporter.render(result), sarif.render(result), junit.render(result),
            github.render(result), github.summary(result), text.render(result),
            text.render(result, grouped=True), text.render(result, statistics=True),
            text.render(result, show_suppressed=True)]


@pytest.mark.parametrize("budget", [0, 1500, None])
def test_every_report_is_the_same_written_out_or_held(budget):
    held = RunResult(files(), [], root=str(REPO))
    result = spooled(budget)
    assert reports(result) == reports(held)
    assert list(result.ordered()) == sorted(held.findings, key=Finding.sort_key)
    assert result.findings == held.findings  # file by file, each file's in its own order
    assert [(r.path, list(r.findings)) for r in result.files] == \
        [(r.path, r.findings) for r in held.files]
    assert len(result.failing()) == len(held.failing()) and result.fails()
    if budget == 0:
        assert result.spool.spilled == 8
        assert isinstance(result.files[0].findings, SpilledFindings)
    if budget is None:
        assert result.spool.spilled == 0


def test_a_small_budget_writes_several_runs_and_merges_them():
    result = spooled(1500)  # about one finding a run
    assert len(result.spool._runs) >= 3
    held = RunResult(files(), [], root=str(REPO))
    assert [f.sort_key() for f in result.ordered()] == \
        [f.sort_key() for f in sorted(held.findings, key=Finding.sort_key)]


def test_findings_taken_back_and_added_again_replace_those_written():
    result = spooled(0)
    spool = result.spool
    target = result.files[3]
    taken = spool.take(3, target)
    assert isinstance(taken, list) and len(taken) == 2
    taken.append(finding("a/x.json", 1, 9, rule="AL1017"))
    taken.sort(key=Finding.sort_key)
    spool.add(3, target)
    spool.spill()
    assert [f.rule_id for f in result.files[3].findings] == ["AL1017", "AL1001", "AL5001"]
    assert sum(1 for f in result.ordered() if f.location.path == "a/x.json") == 3


def test_the_temporary_file_is_in_the_system_temp_folder_and_deleted(tmp_path, monkeypatch):
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = spooled(0)
    assert os.listdir(tmp_path) == []  # anonymous: unlinked as soon as it is made
    assert result.spool._file is not None
    result.spool.close()
    assert list(tmp_path.iterdir()) == []


def test_a_run_with_more_findings_than_the_budget_reports_as_one_held(tmp_path, monkeypatch):
    """Through lint_paths: a folder of files whose findings are written out one file at a
    time gives the reports a run holding them all gives."""
    import armlint.engine.spool as spool_module
    from armlint.api import LintOptions, lint_paths
    monkeypatch.chdir(REPO)
    held = lint_paths(["examples"], LintOptions(cache=False, jobs=1, use_config=False))
    monkeypatch.setattr(spool_module, "BUDGET", 0)
    written = lint_paths(["examples"], LintOptions(cache=False, jobs=1, use_config=False))
    assert written.spool.spilled == len(held.findings) > 0
    assert reports(written) == reports(held)


def test_a_baseline_run_with_findings_placed_in_a_parameter_file_reports_alike(tmp_path,
                                                                               monkeypatch):
    """Two templates linted with one parameter file (linted too) place their findings in it;
    the baseline accepts one of them and has an entry no finding takes: whether the findings
    are written out one file at a time (budget 0) or held, the states, the gone entries and
    every report are the same."""
    import armlint.engine.spool as spool_module
    from armlint.api import LintOptions, lint_paths
    from armlint.engine.baseline import from_findings
    from armlint.reporters.sarif import render_baseline
    from tests.cli.test_parameter_file_findings import PARAMETERS, TEMPLATE
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(TEMPLATE)
    (tmp_path / "p.parameters.json").write_text(PARAMETERS)
    monkeypatch.chdir(tmp_path)
    options = dict(select=["AL1017", "AL1002", "AL1003"], cache=False, jobs=1,
                   use_config=False, parameter_files=["p.parameters.json"])
    first = lint_paths(["."], LintOptions(**options))
    accepted = from_findings(first.findings)
    assert [e.path for e in accepted.entries] == ["p.parameters.json"] * 2  # one per template
    accepted.entries.append(type(accepted.entries[0])("AL1017", "gone.json", "x", "gone"))
    (tmp_path / "base.sarif").write_text(render_baseline(accepted, "."))
    (tmp_path / "p.parameters.json").write_text(
        PARAMETERS.replace('"undeclared": { "value": 1 }',
                           '"undeclared": { "value": 1 }, "more": { "value": 2 }'))
    held = lint_paths(["."], LintOptions(baseline="base.sarif", **options))
    monkeypatch.setattr(spool_module, "BUDGET", 0)
    written = lint_paths(["."], LintOptions(baseline="base.sarif", **options))
    assert written.spool.spilled > 0
    states = sorted((f.message[:30], f.baseline_state) for f in held.findings)
    assert sorted(s for _, s in states) == ["new", "new", "unchanged", "unchanged"]
    assert sorted((f.message[:30], f.baseline_state) for f in written.findings) == states
    assert [e.path for e in written.absent] == [e.path for e in held.absent] == ["gone.json"]
    assert reports(written) == reports(held)
    # matched a file at a time as they are done: the states of matching them all at once
    import copy

    from armlint.api import load_baseline
    from armlint.engine.baseline import apply_baseline
    at_once = [copy.copy(f) for f in held.findings]
    absent = apply_baseline(at_once, load_baseline(tmp_path / "base.sarif"))
    assert [f.baseline_state for f in at_once] == [f.baseline_state for f in held.findings]
    assert absent == held.absent
