"""A finding a template's lint places in a parameter file it is linted with (AL1017: a name the
file gives that the template does not declare) is reported in the parameter file, at the name,
and every output, suppression and the baseline treat it as that file's finding."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armlint.api import LintOptions, lint_paths

TEMPLATE = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "declared": { "type": "int" }
  },
  "resources": [],
  "outputs": { "x": { "type": "int", "value": "[parameters('declared')]" } }
}
"""
PARAMETERS = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "declared": { "value": 1 },
      "undeclared": { "value": 1 }
  }
}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "main.json").write_text(TEMPLATE)
    (tmp_path / "main.parameters.json").write_text(PARAMETERS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _lint(paths, **options):
    return lint_paths(paths, LintOptions(select=["AL1017"], cache=False, **options))


def _al1017(result):
    return [(f.location.path, f.location.span.start_line, f.location.span.start_col)
            for file in result.files for f in file.findings if f.rule_id == "AL1017"]


def test_reported_in_the_parameter_file_at_the_name(project):
    result = _lint(["main.json"], auto_parameters=True)
    assert _al1017(result) == [("main.parameters.json", 6, 7)]
    finding = result.findings[0]
    assert finding.location.span.end_col == 19  # the key "undeclared", quotes included
    assert "'undeclared' is given here, but the template 'main.json'" in finding.message
    # the parameter file was not linted, but its finding is under its own file
    by_path = {f.path: f for f in result.files}
    assert [f.rule_id for f in by_path["main.json"].findings] == []
    assert [f.rule_id for f in by_path["main.parameters.json"].findings] == ["AL1017"]


def test_mapped_by_the_configuration(project):
    (project / "params").mkdir()
    (project / "main.parameters.json").rename(project / "params" / "dev.json")
    (project / ".armlint.yaml").write_text("parameters:\n  'main.json': params/dev.json\n")
    result = lint_paths(["main.json"], LintOptions(select=["AL1017"], cache=False))
    assert _al1017(result) == [("params/dev.json", 6, 7)]


def test_once_when_the_parameter_file_is_linted_too(project):
    result = _lint(["."], auto_parameters=True)
    assert _al1017(result) == [("main.parameters.json", 6, 7)]
    kinds = {f.path: f.kind for f in result.files}
    assert kinds == {"main.json": "template", "main.parameters.json": "parameters"}


def test_every_output_names_the_parameter_file(project):
    import importlib

    def get_reporter(fmt):
        return importlib.import_module(f"armlint.reporters.{fmt}").render
    result = _lint(["main.json"], auto_parameters=True)
    text = get_reporter("text")(result)
    assert "main.parameters.json:6:7: AL1017 [error]" in text
    sarif = json.loads(get_reporter("sarif")(result))
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "main.parameters.json"
    assert location["region"]["startLine"] == 6 and location["region"]["startColumn"] == 7
    data = json.loads(get_reporter("json")(result))
    assert [(f["path"], f["start_line"], f["start_column"]) for f in data["findings"]] == \
        [("main.parameters.json", 6, 7)]
    junit = get_reporter("junit")(result)
    suite = junit.split('<testsuite name="main.parameters.json"')[1].split("</testsuite>")[0]
    assert "main.parameters.json:6:7: AL1017" in suite


def test_template_directives_do_not_reach_it_and_the_configuration_does(project):
    # a directive on line 5 of the template must not silence line 6 of the parameter file
    lines = TEMPLATE.split("\n")
    lines.insert(4, "    // armlint-disable-next-line AL1017 -- for the template's own line 6")
    (project / "main.json").write_text("\n".join(lines))
    result = _lint(["main.json"], auto_parameters=True)
    found = [f for f in result.findings if f.rule_id == "AL1017"]
    assert len(found) == 1 and found[0].suppression is None
    (project / "main.json").write_text(TEMPLATE)
    (project / ".armlint.yaml").write_text(
        "overrides:\n  - files: ['main.parameters.json']\n    suppress: [AL1017]\n"
        "    reason: renamed next release\n")
    result = lint_paths(["main.json"], LintOptions(select=["AL1017"], cache=False,
                                                   auto_parameters=True))
    found = [f for f in result.findings if f.rule_id == "AL1017"]
    assert len(found) == 1 and found[0].suppression is not None
    assert found[0].suppression.justification == "renamed next release"


def test_the_baseline_keeps_it_by_the_parameter_file(project):
    from armlint.engine.baseline import from_findings
    from armlint.reporters.sarif import render_baseline
    result = _lint(["main.json"], auto_parameters=True)
    (project / "base.sarif").write_text(render_baseline(from_findings(result.findings), "."))
    # lines moved in the parameter file: still the accepted finding
    (project / "main.parameters.json").write_text(PARAMETERS.replace("{\n", "{\n\n", 1))
    again = _lint(["main.json"], auto_parameters=True, baseline="base.sarif")
    assert _al1017(again) == [("main.parameters.json", 7, 7)]
    assert [f.baseline_state for f in again.findings] == ["unchanged"]
    (project / "main.parameters.json").write_text(
        PARAMETERS.replace('"undeclared"', '"other"'))
    again = _lint(["main.json"], auto_parameters=True, baseline="base.sarif")
    assert [f.baseline_state for f in again.findings] == ["new"]


def test_cached_run_reports_the_same(project):
    first = lint_paths(["main.json"], LintOptions(select=["AL1017"], auto_parameters=True))
    second = lint_paths(["main.json"], LintOptions(select=["AL1017"], auto_parameters=True))
    assert _al1017(first) == _al1017(second) == [("main.parameters.json", 6, 7)]


def test_a_bicepparam_file_is_reported_once_at_its_param(tmp_path, monkeypatch):
    (tmp_path / "main.bicep").write_text("param declared int\noutput x int = declared\n")
    (tmp_path / "main.bicepparam").write_text(
        "using 'main.bicep'\nparam declared = 1\nparam undeclared = 2\n")
    monkeypatch.chdir(tmp_path)
    alone = _lint(["main.bicep"], auto_parameters=True)
    assert _al1017(alone) == [("main.bicepparam", 3, 7)]
    both = _lint(["."], auto_parameters=True)  # its own lint says the same: one finding
    assert _al1017(both) == [("main.bicepparam", 3, 7)]


def test_a_directive_in_the_parameter_file_silences_it(project):
    (project / "main.parameters.json").write_text(PARAMETERS.replace(
        '      "undeclared"', '    // armlint-disable-next-line AL1017 -- removed next release\n'
        '      "undeclared"'))
    for paths in (["main.json"], ["."]):  # the parameter file not linted, and linted too
        result = lint_paths(paths, LintOptions(select=["AL1017", "AL0004"], cache=False,
                                               auto_parameters=True))
        found = [(f.rule_id, f.location.path, f.location.span.start_line,
                  f.suppression.justification if f.suppression else None)
                 for f in result.findings]
        assert found == [("AL1017", "main.parameters.json", 7, "removed next release")], found
    # a directive there that silences nothing is still reported, by the parameter file's lint
    (project / "main.parameters.json").write_text(PARAMETERS.replace(
        '      "undeclared"', '    // armlint-disable-next-line AL1009\n      "undeclared"'))
    result = lint_paths(["."], LintOptions(select=["AL1017", "AL1009", "AL0004"], cache=False,
                                           auto_parameters=True))
    assert sorted((f.rule_id, f.location.span.start_line, f.suppression is None)
                  for f in result.findings) == [("AL0004", 6, True), ("AL1017", 7, True)]
