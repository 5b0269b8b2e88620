"""The format-neutral baseline: matching counts findings, and SARIF baseline files round-trip."""
import json

import pytest

from armlint.engine.baseline import Baseline, BaselineEntry, BaselineError, apply_baseline, from_findings
from armlint.engine.results import Finding, Location, Suppression
from armlint.reporters import sarif
from armlint.source.text import Span


def finding(rule="AL5001", path="infra/vm.json", fp="f1", line=3, suppressed=False):
    f = Finding(rule, "name", "error", f"message {fp}", Location(path, Span(line, 1, line, 2)),
                fingerprint=fp)
    if suppressed:
        f.suppression = Suppression("inSource", "why", "armlint-disable-next-line")
    return f


def test_each_entry_accepts_one_finding_so_a_twin_is_new():
    baseline = Baseline([BaselineEntry("AL5001", "infra/vm.json", "f1")])
    first, twin = finding(line=3), finding(line=9)
    assert apply_baseline([first, twin], baseline) == []
    assert (first.baseline_state, twin.baseline_state) == ("unchanged", "new")


def test_entries_no_finding_takes_are_absent_counted_one_by_one():
    entry = BaselineEntry("AL5001", "infra/vm.json", "f1")
    other = BaselineEntry("AL5002", "infra/vm.json", "f2")
    f = finding()
    assert apply_baseline([f], Baseline([entry, entry, other])) == [entry, other]
    assert f.baseline_state == "unchanged"


def test_rule_path_and_fingerprint_must_all_match():
    baseline = Baseline([BaselineEntry("AL5001", "infra/vm.json", "f1")])
    found = [finding(rule="AL5002"), finding(path="other/vm.json"), finding(fp="f9")]
    assert apply_baseline(found, baseline) == [baseline.entries[0]]
    assert {f.baseline_state for f in found} == {"new"}


def test_a_finding_that_counts_takes_the_entry_before_a_suppressed_twin():
    baseline = Baseline([BaselineEntry("AL5001", "infra/vm.json", "f1")])
    hidden, shown = finding(line=1, suppressed=True), finding(line=5)
    apply_baseline([hidden, shown], baseline)
    assert (shown.baseline_state, hidden.baseline_state) == ("unchanged", "new")


def test_a_baseline_accepts_what_is_not_suppressed():
    made = from_findings([finding(fp="b", line=7), finding(fp="a", line=2),
                          finding(fp="s", suppressed=True)])
    assert [e.fingerprint for e in made.entries] == ["a", "b"]
    assert made.entries[0] == BaselineEntry("AL5001", "infra/vm.json", "a", "message a")


@pytest.mark.parametrize("path", ["infra/vm.json", "dir with space/t é#1.json",
                                  "/abs/path/vm.json", "../outside/vm.bicep"])
def test_a_sarif_baseline_round_trips(path, tmp_path):
    made = from_findings([finding(path=path, fp="a"), finding(path=path, fp="b", rule="AL5002")])
    text = sarif.render_baseline(made, str(tmp_path))
    assert sarif.read_baseline(text, "b.sarif").entries == made.entries
    log = json.loads(text)
    assert "rules" not in log["runs"][0]["tool"]["driver"]


def test_absent_results_and_other_runs_are_read_and_absent_ones_skipped():
    result = json.loads(sarif.render_baseline(from_findings([finding()]), "/r"))["runs"][0]
    gone = json.loads(json.dumps(result["results"][0]))
    gone["baselineState"] = "absent"
    gone["ruleId"] = "AL5002"
    second = {"tool": {"driver": {"name": "armlint"}}, "results": [gone, result["results"][0]]}
    log = {"version": "2.1.0", "runs": [result, second]}
    entries = sarif.read_baseline(json.dumps(log), "b.sarif").entries
    assert [e.rule_id for e in entries] == ["AL5001", "AL5001"]


def test_an_older_armlint_baseline_is_refused_with_a_way_out():
    log = {"runs": [{"results": [{"ruleId": "AL5001", "partialFingerprints": {"armlint/v1": "x"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {
                                      "uri": "vm.json"}}}]}]}]}
    with pytest.raises(BaselineError, match="older armlint.*--write-baseline"):
        sarif.read_baseline(json.dumps(log), "b.sarif")
