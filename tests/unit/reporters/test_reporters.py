"""Reporters: the text line format, JSON fields, and SARIF valid against the OASIS schema."""
import json
import re

import pytest

from armlint.engine.results import FileResult, Finding, Location, RunResult
from armlint.reporters import json as json_reporter
from armlint.reporters import sarif, text
from armlint.source.text import Span
from tests.conftest import REPO, SARIF_SCHEMA

TEXT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<id>AL\d{4}) "
                       r"\[(?P<level>error|warning|note)\] (?P<message>.+) \((?P<name>[a-z0-9-]+)\)$")


@pytest.fixture
def result(catalogue):
    rule = catalogue.find("AL5001")
    f = Finding("AL5001", rule.name, "error", "VM 'vm1' ... extensions: a, b",
                Location("dir/t w.json", Span(3, 5, 3, 10), "/resources/0"), fingerprint="abc")
    return RunResult([FileResult("dir/t w.json", "template", [f]), FileResult("x.json", "skipped")],
                     catalogue.select(), root=str(REPO))


def test_text_lines_and_summary(result):
    lines = text.render(result).splitlines()
    m = TEXT_LINE.match(lines[0])
    assert m and m.group("path", "line", "col", "id", "level", "name") == \
        ("dir/t w.json", "3", "5", "AL5001", "error", "extensions-without-vm-agent")
    assert lines[-1] == "Linted 1 file (1 skipped): 1 error, 0 warnings, 0 notes."


def test_json_fields(result):
    data = json.loads(json_reporter.render(result))
    f = data["findings"][0]
    assert (data["files_linted"], data["files_skipped"]) == (1, 1)
    assert (f["start_line"], f["start_column"], f["end_line"], f["end_column"]) == (3, 5, 3, 10)
    assert f["pointer"] == "/resources/0" and f["fingerprint"] == "abc"


def test_sarif_is_valid_and_complete(result, catalogue):
    import jsonschema
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(sarif.render(result))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.id for r in catalogue.select()]
    descriptor = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert descriptor["id"] == "AL5001" and "equivalents" in descriptor["properties"]
    assert descriptor["defaultConfiguration"]["level"] == "error"
    loc = run["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "dir/t%20w.json", "uriBaseId": "ROOT"}
    assert loc["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 10}
    assert run["originalUriBaseIds"]["ROOT"]["uri"].endswith("/")
    assert run["originalUriBaseIds"]["ROOT"]["uri"].startswith("file:///")
    assert run["results"][0]["partialFingerprints"] == {"armlint/v2": "abc"}
    # what code scanning and Azure DevOps Advanced Security ask for
    driver = run["tool"]["driver"]
    assert driver["fullName"].startswith("armlint ") and driver["informationUri"].startswith("https://")
    assert run["automationDetails"]["id"] == "armlint/"
    assert all(r["ruleIndex"] == [d["id"] for d in driver["rules"]].index(r["ruleId"])
               for r in run["results"])


@pytest.mark.parametrize("shape", ["none", "some"])
def test_json_written_in_pieces_is_what_one_dump_writes(shape):
    """The JSON report is encoded a finding at a time; its text is the document's
    `json.dumps(indent=2)`, byte for byte, with and without findings and skipped files."""
    from armlint.engine.results import Suppression
    findings = [] if shape == "none" else [
        Finding("AL2", "b", "warning", 'two "quoted"\nlines é', Location("b.json", Span(9, 1, 9, 4),
                "/x"), "f2", Suppression("inSource", "because {x}", "armlint-disable-next-line"),
                "new", kind="open"),
        Finding("AL1", "a", "error", "one", Location("a.json", Span(2, 3, 2, 8), "/r/0"), "f1")]
    files = [FileResult("a.json", "template", findings)]
    files += [] if shape == "none" else [FileResult("s.json", "skipped", reason="not ARM")]
    run = RunResult(files, [])
    document = {"tool": "armlint", "version": json_reporter.__version__, "files_linted": 1,
                "files_skipped": run.skipped,
                "findings": [json_reporter._item(f) for f in sorted(findings,
                                                                    key=Finding.sort_key)],
                "skipped": [{"path": "s.json", "reason": "not ARM"}] if shape == "some" else []}
    pieces = list(json_reporter.chunks(run))
    assert len(pieces) == 5 + 2 * (shape == "some") + (shape == "some")
    assert "".join(pieces) == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    assert json_reporter.render(run) == "".join(pieces)
