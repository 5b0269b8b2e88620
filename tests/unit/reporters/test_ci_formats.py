"""GitHub annotations within GitHub's cap and the step summary table; JUnit with one suite per
file and failures that agree with the exit code. XML is read with a real parser."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from armlint.engine.results import FileResult, Finding, Location, RunResult, Suppression
from armlint.reporters import github, junit
from armlint.source.text import Span
from tests.conftest import REPO


def finding(rule, level, path, line, message="m"):
    return Finding(rule.id, rule.name, level, message, Location(path, Span(line, 2, line, 5)),
                   fingerprint=f"{path}{line}")


@pytest.fixture
def many(catalogue):
    """25 errors, 12 warnings and 3 notes in two files, one suppressed error, one skipped file."""
    a1, a6, a2 = (catalogue.find(i) for i in ("AL5001", "AL5006", "AL5002"))
    first = [finding(a1, "error", "a.json", n) for n in range(1, 16)]
    first += [finding(a6, "warning", "a.json", n) for n in range(20, 32)]
    second = [finding(a1, "error", "b.json", n) for n in range(1, 11)]
    second += [finding(a2, "note", "b.json", n) for n in range(40, 43)]
    hidden = finding(a1, "error", "b.json", 99)
    hidden.suppression = Suppression("inSource", "reviewed")
    files = [FileResult("a.json", "template", first), FileResult("b.json", "template",
                                                                 second + [hidden]),
             FileResult("c.json", "skipped", reason="no $schema naming a deployment template")]
    return RunResult(files, catalogue.select(), root=str(REPO))


def test_github_annotates_within_the_cap_and_lists_the_rest(many):
    lines = github.render(many).splitlines()
    kinds = [m.group(1) for m in (re.match(r"::(\w+) file=", l) for l in lines) if m]
    assert kinds.count("error") == 10 and kinds.count("warning") == 10
    assert kinds.count("notice") == 3
    plain = [l for l in lines if re.match(r"^[ab]\.json:\d+:2: AL\d{4} \[", l)]
    assert len(plain) == 15 + 2  # errors 11-25 and warnings 11-12, none lost
    assert "b.json:10:2: AL5001 [error] m (extensions-without-vm-agent)" in plain
    assert lines[-1].startswith("armlint: 17 findings were not annotated (GitHub shows 10 error,")
    assert not any(":99:" in l for l in lines)  # the suppressed finding


def test_github_under_the_cap_has_no_plain_lines(catalogue):
    rule = catalogue.find("AL5001")
    result = RunResult([FileResult("a.json", "template", [finding(rule, "error", "a.json", 3)])],
                       catalogue.select(), root=str(REPO))
    assert github.render(result).splitlines() == [
        "::error file=a.json,line=3,col=2,endLine=3,endColumn=5,"
        "title=AL5001 extensions-without-vm-agent::m"]


def test_step_summary_table(many):
    md = github.summary(many)
    rows = [l for l in md.splitlines() if l.startswith("| AL")]
    assert [r.split(" | ")[1:] for r in rows] == [["error", "25", "a.json:1:2 |"],
                                                 ["warning", "12", "a.json:20:2 |"],
                                                 ["note", "3", "b.json:40:2 |"]]
    assert rows[0].startswith("| AL5001 extensions-without-vm-agent | error |")
    assert "Linted 2 files (1 skipped): 25 errors, 12 warnings, 3 notes, 1 suppressed." in md


def test_step_summary_escapes_markdown_and_html(catalogue):
    rule = catalogue.find("AL5001")
    path = "x|<img src=x onerror=alert(1)>*[a](javascript:b)`\n.json"
    result = RunResult([FileResult(path, "template", [finding(rule, "error", path, 1)])],
                       catalogue.select(), root=str(REPO))
    row = next(l for l in github.summary(result).splitlines() if l.startswith("| AL5001"))
    assert row.count(" | ") == 3  # still four columns: the '|' in the path is escaped
    assert "<img" not in row and "&lt;img" in row
    assert "\\[a\\](javascript:b)" in row and "\\`" in row and "\\*" in row
    assert "\n" not in row and "\\\\n.json" in row


def test_junit_one_suite_per_file_failures_at_the_fail_level(many):
    root = ET.fromstring(junit.render(many).encode("utf-8"))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["a.json", "b.json", "c.json"]
    a = suites["a.json"]
    assert (a.get("tests"), a.get("failures"), a.get("skipped")) == ("27", "15", "12")
    failing = [c for c in a.findall("testcase") if c.find("failure") is not None]
    assert failing[0].get("name") == "AL5001 extensions-without-vm-agent at 1:2"
    assert failing[0].find("failure").text == "a.json:1:2: AL5001 [error] m"
    below = [c.find("skipped").get("message") for c in a.findall("testcase")
             if c.find("skipped") is not None]
    assert below[0] == "warning below the fail level (error): m"
    # the suppressed error is not a test case; the file that was not linted says why
    assert suites["b.json"].get("failures") == "10" and suites["b.json"].get("tests") == "13"
    c = suites["c.json"].find("testcase/skipped")
    assert c.get("message") == "no $schema naming a deployment template"
    assert root.get("failures") == str(len(many.failing())) == "25"
    assert root.get("tests") == "41" and root.get("skipped") == "16"


def test_junit_failures_follow_the_fail_level(many):
    many.fail_level = "warning"
    root = ET.fromstring(junit.render(many).encode("utf-8"))
    assert root.get("failures") == str(len(many.failing())) == "37"
    many.fail_level = "note"
    root = ET.fromstring(junit.render(many).encode("utf-8"))
    assert root.get("failures") == "40" and root.get("skipped") == "1"


def test_junit_clean_file_has_one_passing_case(catalogue):
    result = RunResult([FileResult("ok.json", "template", [])], catalogue.select(), root=str(REPO))
    root = ET.fromstring(junit.render(result).encode("utf-8"))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 1 and list(cases[0]) == [] and root.get("failures") == "0"


AZURE = {"TF_BUILD": "True", "SYSTEM_COLLECTIONURI": "https://dev.azure.com/contoso/",
         "SYSTEM_TEAMPROJECTID": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
         "BUILD_DEFINITIONID": "42", "BUILD_DEFINITIONNAME": "infra-ci", "BUILD_BUILDID": "1234",
         "SYSTEM_PHASEID": "6c4b2a1e-0b5f-4c1a-9d7e-2f1e3d4c5b6a", "SYSTEM_PHASENAME": "Lint",
         "BUILD_SOURCEBRANCH": "refs/heads/main"}


def test_sarif_automation_details_for_azure_pipelines_and_categories(many):
    import json as json_
    from armlint.reporters import sarif

    def details(**kw):
        return json_.loads(sarif.render(many, **kw))["runs"][0]["automationDetails"]
    assert details() == {"id": "armlint/"}
    assert details(category="infra") == {"id": "infra/"}
    assert details(env=AZURE) == {
        "id": "azuredevops/pipeline/build/contoso/3f2504e0-4f89-11d3-9a0c-0305e82c3301/42/"
              "6c4b2a1e-0b5f-4c1a-9d7e-2f1e3d4c5b6a/refs/heads/main/1234",
        "properties": {"azuredevops/pipeline/build/buildDefinitionId": "42",
                       "azuredevops/pipeline/build/buildDefinitionName": "infra-ci",
                       "azuredevops/pipeline/build/phaseId": "6c4b2a1e-0b5f-4c1a-9d7e-2f1e3d4c5b6a",
                       "azuredevops/pipeline/build/phaseName": "Lint"}}
    assert details(env={**AZURE, "SYSTEM_COLLECTIONURI": "https://contoso.visualstudio.com/"}
                   )["id"].startswith("azuredevops/pipeline/build/contoso/3f2504e0-")
    # a variable missing or malformed, or outside a pipeline: the default
    assert details(env={**AZURE, "BUILD_BUILDID": ""}) == {"id": "armlint/"}
    assert details(env={**AZURE, "SYSTEM_PHASEID": "not-a-guid"}) == {"id": "armlint/"}
    assert details(env={**AZURE, "TF_BUILD": ""}) == {"id": "armlint/"}
    assert details(env=AZURE, category="infra") == {"id": "infra/"}  # the user's choice wins
