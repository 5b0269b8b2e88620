"""CI gate, pre-commit and editors: configuration, suppressions, baselines, formats, --jobs."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SARIF_SCHEMA

AGENT_OFF = (REPO / "tests" / "rules" / "AL5006" / "fail_string_true_and_allow.json").read_text()
EXAMPLE = (REPO / "examples" / "vm-agent-disabled.json").read_text()


def run(*args, cwd: Path, env=None):
    proc = subprocess.run([sys.executable, "-m", "armlint", *args], capture_output=True, text=True,
                          cwd=cwd, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def ids(text: str) -> list[str]:
    return re.findall(r": (AL\d{4}) \[", text)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "vm.json").write_text(EXAMPLE)
    return tmp_path


# --- configuration ---------------------------------------------------------------------------

def test_config_select_ignore_enable_and_levels(project):
    (project / ".armlint.yaml").write_text(
        "ignore: [AL5006]\nrules:\n  AL5002: off\n  extensions-without-vm-agent: warning\n")
    out = run("check", "infra", cwd=project).stdout
    assert "AL5006" not in out and "AL5002" not in out
    assert "AL5001 [warning]" in out and "AL5004 [error]" in out
    (project / ".armlint.yaml").write_text("select: [AL5001]\n")
    assert ids(run("check", "infra", cwd=project).stdout) == ["AL5001"]


def test_config_is_found_from_the_file_upwards_and_cli_wins(project):
    (project / "infra" / ".armlint.yaml").write_text("select: [AL5006]\nfail-level: warning\n")
    proc = run("check", "infra/vm.json", cwd=project)
    assert ids(proc.stdout) == ["AL5006"]
    # findings, not the rule-page lines that also name the rules
    assert ids(run("check", "infra/vm.json", "--select", "AL5001", cwd=project).stdout) == ["AL5001"]
    assert ids(run("check", "infra/vm.json", "--no-config", cwd=project).stdout).count("AL5002") == 1


def test_fail_level_from_config_and_cli(project):
    (project / "infra" / "nsg.json").write_text(
        (REPO / "examples" / "nsg-blocks-platform-address.json").read_text())
    assert run("check", "infra/nsg.json", cwd=project).returncode == 0
    (project / ".armlint.yaml").write_text("fail-level: warning\n")
    assert run("check", "infra/nsg.json", cwd=project).returncode == 1
    assert run("check", "infra/nsg.json", "--fail-level", "error", cwd=project).returncode == 0


def write_vm_size_rule(project: Path, rule_id: str, name: str) -> None:
    """A team's own rule in `myrules/`: the VM size must be one of the `sizes` option."""
    (project / "myrules").mkdir()
    (project / "myrules" / f"{rule_id}-{name}.yaml").write_text(
        f"id: {rule_id}\nname: {name}\ntitle: VM size is allowed\nlevel: warning\n"
        "scope: {kind: resources, resource_types: [Microsoft.Compute/virtualMachines]}\n"
        "violation: \"!in_ci(resource.properties.hardwareProfile.vmSize, options.sizes)\"\n"
        "report_at: [resource.properties.hardwareProfile.vmSize]\n"
        "message: \"VM size is not allowed\"\n"
        "options: {sizes: {default: [Standard_B2s], description: allowed sizes}}\n"
        "docs: {what: w, why: y}\n")


def test_rule_options_and_rules_dirs(project):
    write_vm_size_rule(project, "AL9001", "vm-size-allowed")
    (project / ".armlint.yaml").write_text("rules-dirs: [myrules]\nselect: [AL9001]\n")
    assert ids(run("check", "infra", cwd=project).stdout) == ["AL9001"]
    (project / ".armlint.yaml").write_text(
        "rules-dirs: [myrules]\nselect: [AL9001]\n"
        "rules:\n  AL9001: {options: {sizes: [Standard_D2s_v5]}}\n")
    assert ids(run("check", "infra", cwd=project).stdout) == []


def test_parameters_mapping_auto_parameters_and_exclude(project):
    template = REPO / "tests" / "rules" / "AL5001" / "fail_parameter_default_false.json"
    shutil.copy(template, project / "infra" / "main.json")
    params = ('{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
              'deploymentParameters.json#", "contentVersion": "1.0.0.0", '
              '"parameters": {"agent": {"value": true}}}')
    (project / "infra" / "prod.json").write_text(params)
    args = ("check", "infra/main.json", "--select", "AL5001")
    assert run(*args, cwd=project).returncode == 1
    (project / ".armlint.yaml").write_text("parameters:\n  'infra/main.json': infra/prod.json\n")
    assert run(*args, cwd=project).returncode == 0
    (project / ".armlint.yaml").write_text("auto-parameters: true\n")
    assert run(*args, cwd=project).returncode == 1
    (project / "infra" / "main.parameters.json").write_text(params)
    assert run(*args, cwd=project).returncode == 0
    assert run(*args, "--no-auto-parameters", cwd=project).returncode == 1
    (project / ".armlint.yaml").write_text("exclude: ['infra/**']\n")
    assert "(1 skipped)" in run("check", "infra/main.json", cwd=project).stdout


def test_overrides_apply_in_order_by_glob(project):
    (project / "legacy").mkdir()
    (project / "legacy" / "vm.json").write_text(EXAMPLE)
    (project / ".armlint.yaml").write_text(
        "overrides:\n"
        "  - files: ['legacy/**']\n    ignore: [AL5006]\n    rules: {AL5001: note}\n"
        "  - files: ['legacy/*.json']\n    rules: {AL5001: warning}\n")
    out = run("check", ".", cwd=project).stdout
    assert "legacy/vm.json:32:33: AL5001 [warning]" in out
    assert "infra/vm.json:32:33: AL5001 [error]" in out
    assert "legacy/vm.json:32:33: AL5006" not in out and "infra/vm.json:32:33: AL5006" in out


def test_pyproject_tool_section(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.armlint]\nselect = ["AL5006"]\n')
    assert ids(run("check", "infra", cwd=project).stdout) == ["AL5006"]


@pytest.mark.parametrize("text, where, words", [
    ("select: [AL5001\n", ":2:1:", "invalid YAML"),
    ("selct: [AL5001]\n", ":1:1:", "unknown setting 'selct'"),
    ("rules:\n  AL5001: loud\n", ":2:11:", "`rules.AL5001`"),
    ("overrides:\n  - ignore: [AL5001]\n", ":2:5:", "'files' is a required property"),
])
def test_bad_config_is_exit_2_with_position(project, text, where, words):
    (project / ".armlint.yaml").write_text(text)
    proc = run("check", "infra", cwd=project)
    assert proc.returncode == 2
    assert f".armlint.yaml{where}" in proc.stderr and words in proc.stderr


def test_bad_config_rule_name_is_exit_2(project):
    (project / ".armlint.yaml").write_text("ignore: [AL5999]\n")
    proc = run("check", "infra", cwd=project)
    assert proc.returncode == 2 and "'AL5999' is not a rule" in proc.stderr


# --- suppressions ----------------------------------------------------------------------------

def sarif_results(project, *args):
    out = project / "out.sarif"
    run("check", *args, "--format", "sarif", "--output", str(out), cwd=project)
    return json.loads(out.read_text())["runs"][0]["results"]


def test_inline_directive_in_jsonc_gives_a_sarif_suppression(project):
    text = AGENT_OFF.replace('          "allowExtensionOperations": "true",',
                             '          // armlint-disable-next-line AL5006 -- set by the image build\n'
                             '          "allowExtensionOperations": "true",')
    (project / "t.json").write_text(text)
    results = [r for r in sarif_results(project, "t.json") if r["ruleId"] == "AL5006"]
    assert len(results) == 2
    suppressed = [r for r in results if r.get("suppressions")]
    assert len(suppressed) == 1
    assert suppressed[0]["suppressions"][0] == {
        "kind": "inSource", "status": "accepted", "justification": "set by the image build",
        "properties": {"source": "armlint-disable-next-line"}}
    text_out = run("check", "t.json", cwd=project).stdout
    assert ids(text_out).count("AL5006") == 1 and "1 suppressed" in text_out
    assert run("check", "t.json", "--show-suppressed", cwd=project).stdout.count("[suppressed]") == 1


def test_metadata_suppression_for_template_and_resource(project):
    data = json.loads(EXAMPLE)
    data["metadata"]["armlint"] = {"suppress": [{"rule": "AL5006", "reason": "doc sample"}]}
    data["resources"][0]["metadata"] = {"armlint": {"suppress": ["AL5002 -- image without agent"]}}
    (project / "t.json").write_text(json.dumps(data, indent=2))
    results = sarif_results(project, "t.json")
    by_rule = {r["ruleId"]: r for r in results}
    assert by_rule["AL5006"]["suppressions"][0]["justification"] == "doc sample"
    assert by_rule["AL5002"]["suppressions"][0]["justification"] == "image without agent"
    assert "suppressions" not in by_rule["AL5001"]


def test_config_override_suppression_is_external(project):
    (project / ".armlint.yaml").write_text(
        "overrides:\n  - files: ['infra/*.json']\n    pointer: /resources/0\n"
        "    suppress: [AL5004]\n    reason: accepted until the monitoring migration\n")
    results = sarif_results(project, "infra")
    sup = [r for r in results if r.get("suppressions")]
    assert [r["ruleId"] for r in sup] == ["AL5004"]
    assert sup[0]["suppressions"][0]["kind"] == "external"
    assert sup[0]["suppressions"][0]["justification"] == "accepted until the monitoring migration"


def test_suppressed_findings_do_not_fail_the_run(project):
    (project / ".armlint.yaml").write_text(
        "select: [AL5001, AL5004]\noverrides:\n  - files: ['**']\n    suppress: [AL5001, AL5004]\n")
    proc = run("check", "infra", cwd=project)
    assert proc.returncode == 0 and "2 suppressed" in proc.stdout


# --- baseline --------------------------------------------------------------------------------

def sarif_states(path: Path) -> list[tuple[str, str, str]]:
    """(rule, fingerprint, baseline state) of every result, sorted: nothing collapses."""
    return sorted((r["ruleId"], r["partialFingerprints"]["armlint/v2"], r.get("baselineState", ""))
                  for r in json.loads(path.read_text())["runs"][0]["results"])


def test_baseline_new_unchanged_absent_with_shifted_lines(project):
    base = project / "base.sarif"
    proc = run("check", "infra", "--write-baseline", str(base), cwd=project)
    assert proc.returncode == 0  # writing a baseline accepts what it finds
    assert "wrote 4 findings to the baseline" in proc.stderr
    accepted = {(r, fp) for r, fp, _ in sarif_states(base)}
    assert len(accepted) == 4
    # shift every line down, fix one finding (AL5006), add a new one elsewhere (AL1001)
    shifted = "// a new comment\n// and another\n" + EXAMPLE.replace('"provisionVmAgent": "false"',
                                                                      '"provisionVmAgent": false')
    shifted = shifted.replace('"contentVersion": "1.0.0.0",', '"contentVersion": "1.0.0.0",\n'
                              '  "ContentVersion": "1.0.0.0",')
    (project / "infra" / "vm.json").write_text(shifted)
    out = project / "now.sarif"
    proc = run("check", "infra", "--baseline", str(base), "--format", "sarif", "--output", str(out),
               "--format", "text", "--report-fixed", cwd=project)
    states = sarif_states(out)
    assert [(r, s) for r, _, s in states] == [
        ("AL1001", "new"), ("AL5001", "unchanged"), ("AL5002", "unchanged"),
        ("AL5004", "unchanged"), ("AL5006", "absent")]
    assert {(r, fp) for r, fp, s in states if s != "new"} == accepted  # the same fingerprints
    assert ids(proc.stdout) == ["AL1001"]  # only what is new
    assert "3 unchanged and 1 fixed since the baseline" in proc.stdout
    assert proc.returncode == 1
    # code scanning shows absent results as open alerts: none unless asked for
    proc = run("check", "infra", "--baseline", str(base), "--format", "sarif", "--output", str(out),
               cwd=project)
    assert [(r, s) for r, _, s in sarif_states(out)] == [
        ("AL1001", "new"), ("AL5001", "unchanged"), ("AL5002", "unchanged"),
        ("AL5004", "unchanged")]
    assert "3 unchanged and 1 fixed since the baseline" in proc.stderr
    (project / "infra" / "vm.json").write_text(shifted.replace('  "ContentVersion": "1.0.0.0",\n', ""))
    assert run("check", "infra", "--baseline", str(base), cwd=project).returncode == 0


def test_a_second_vm_with_the_same_problem_is_new(project):
    base = project / "base.sarif"
    run("check", "infra", "--select", "AL5002,AL5006", "--write-baseline", str(base), cwd=project)
    data = json.loads(EXAMPLE)
    data["resources"].append(json.loads(json.dumps(data["resources"][0])))  # the same VM again
    (project / "infra" / "vm.json").write_text(json.dumps(data, indent=2))
    out = project / "now.sarif"
    proc = run("check", "infra", "--select", "AL5002,AL5006", "--baseline", str(base),
               "--fail-level", "note", "-f", "sarif", "-o", str(out), "-f", "text", cwd=project)
    states = sarif_states(out)
    assert sorted((r, s) for r, _, s in states) == [
        ("AL5002", "new"), ("AL5002", "unchanged"), ("AL5006", "new"), ("AL5006", "unchanged")]
    assert len({fp for _, fp, _ in states}) == 4
    assert ids(proc.stdout) == ["AL5002", "AL5006"] and proc.returncode == 1
    # and a different VM with the same problem, inserted first
    other = json.loads(json.dumps(data["resources"][0]))
    other["name"] = "vm-other"
    data["resources"][2:] = []
    data["resources"].insert(0, other)
    (project / "infra" / "vm.json").write_text(json.dumps(data, indent=2))
    run("check", "infra", "--select", "AL5002,AL5006", "--baseline", str(base),
        "-f", "sarif", "-o", str(out), cwd=project)
    states = sarif_states(out)
    assert sorted((r, s) for r, _, s in states) == [
        ("AL5002", "new"), ("AL5002", "unchanged"), ("AL5006", "new"), ("AL5006", "unchanged")]


def test_a_resource_inserted_before_an_accepted_one_changes_nothing(project):
    base = project / "base.sarif"
    vm_rules = ("--select", "AL5001,AL5002,AL5004,AL5006")  # what the network interface is not
    run("check", "infra", *vm_rules, "--write-baseline", str(base), cwd=project)
    data = json.loads(EXAMPLE)
    data["resources"].insert(0, {
        "type": "Microsoft.Network/networkInterfaces", "apiVersion": "2024-05-01",
        "name": "[parameters('networkInterfaceName')]", "location": "[parameters('location')]",
        "properties": {"ipConfigurations": []}})
    (project / "infra" / "vm.json").write_text(json.dumps(data, indent=2))
    out = project / "now.sarif"
    proc = run("check", "infra", *vm_rules, "--baseline", str(base), "-f", "sarif", "-o", str(out),
               "--report-fixed", "-f", "text", cwd=project)
    states = sarif_states(out)
    assert [(r, s) for r, _, s in states] == [
        ("AL5001", "unchanged"), ("AL5002", "unchanged"), ("AL5004", "unchanged"),
        ("AL5006", "unchanged")]
    assert "4 unchanged and 0 fixed since the baseline" in proc.stdout
    assert proc.returncode == 0


def test_fingerprints_survive_inserted_lines(project):
    def prints():
        return sorted((r["ruleId"], r["partialFingerprints"]["armlint/v2"])
                      for r in sarif_results(project, "infra"))
    first = prints()
    (project / "infra" / "vm.json").write_text("\n\n// moved\n" + EXAMPLE)
    second = prints()
    assert first == second
    assert len(first) == 4 and len({fp for _, fp in first}) == 4


def test_baseline_file_is_minimal_sarif(project):
    import jsonschema
    base = project / "base.sarif"
    run("check", "infra", "--write-baseline", str(base), cwd=project)
    log = json.loads(base.read_text())
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    run_ = log["runs"][0]
    assert "rules" not in run_["tool"]["driver"]  # no rule metadata, only what matching needs
    assert [sorted(r) for r in run_["results"]] == \
        [["locations", "message", "partialFingerprints", "ruleId"]] * 4
    assert base.stat().st_size < 4000
    # a full SARIF report is a baseline too
    report = project / "report.sarif"
    run("check", "infra", "-f", "sarif", "-o", str(report), cwd=project)
    proc = run("check", "infra", "--baseline", str(report), cwd=project)
    assert proc.returncode == 0 and "4 unchanged and 0 fixed" in proc.stdout


def test_sarif_with_suppressions_and_baseline_is_valid(project):
    import jsonschema
    schema = json.loads(SARIF_SCHEMA.read_text())
    base = project / "base.sarif"
    run("check", "infra", "--write-baseline", str(base), cwd=project)
    (project / "infra" / "vm.json").write_text(
        EXAMPLE.replace('            "provisionVmAgent": "false"',
                        '            // armlint-disable-next-line AL5006 -- doc sample\n'
                        '            "provisionVmAgent": "false"'))
    out = project / "o.sarif"
    run("check", "infra", "--baseline", str(base), "-f", "sarif", "-o", str(out), "--report-fixed",
        cwd=project)
    log = json.loads(out.read_text())
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert all("partialFingerprints" in r for r in results)
    assert any(r.get("suppressions") for r in results)
    assert all("baselineState" in r for r in results)
    assert log["runs"][0]["automationDetails"] == {"id": "armlint/"}


@pytest.mark.parametrize("content, where, words", [
    (b'{"runs": 5}', ":1:10:", "runs must be a list of runs"),
    (b'{"runs": [{"results": {"a": 1}}]}', ":1:23:", "runs[0].results must be a list"),
    (b'{"runs": [{"results": [7]}]}', ":1:24:", "runs[0].results[0] is not an object"),
    (b'{"runs": [{"results": [{"ruleId": 5}]}]}', ":1:35:", "ruleId must be a rule ID"),
    (b'{"runs": [{"results": [{"ruleId": "AL5001", "partialFingerprints": []}]}]}', ":1:68:",
     "partialFingerprints must be an object"),
    (b'{"runs": [{"results": [{"ruleId": "AL5001", "partialFingerprints": {"armlint/v2": "x"}}]}]}',
     ":1:24:", "has no locations[0].physicalLocation.artifactLocation.uri"),
    (b'{"runs": [{"results": [{"ruleId": "AL5001", "partialFingerprints": {"armlint/v1": "x"}}]}]}',
     ": ", "written by an older armlint"),
    (b'[]', ":1:1:", "is not a JSON object"),
    (b'{"runs": [' + b'[' * 100000 + b']' * 100000 + b']}', ":1:", "nests too deeply"),
    (b'{"runs": [}', ":1:11:", "not valid JSON"),
    (b'<?xml version="1.0"?>', ":1:1:", "not valid JSON"),
    (b'{"runs": "\xff"}', ":1:11:", "not valid UTF-8"),
])
def test_a_malformed_baseline_is_exit_2_naming_the_file(project, content, where, words):
    (project / "base.sarif").write_bytes(content)
    proc = run("check", "infra", "--baseline", "base.sarif", cwd=project)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"armlint: base.sarif{where}") and words in proc.stderr, proc.stderr
    assert proc.stdout == ""


def test_a_baseline_that_is_missing_or_not_a_file_is_exit_2(project):
    proc = run("check", "infra", "--baseline", "nothing.sarif", cwd=project)
    assert proc.returncode == 2 and "nothing.sarif: no such baseline file" in proc.stderr
    os.mkfifo(project / "fifo.sarif")  # reading it would block for ever
    proc = run("check", "infra", "--baseline", "fifo.sarif", cwd=project)
    assert proc.returncode == 2 and "fifo.sarif: cannot use the baseline: not a regular file" in proc.stderr


# --- formats and --jobs -------------------------------------------------------------------------

def test_github_and_junit_formats(project):
    gh = run("check", "infra", "--format", "github", cwd=project)
    line = next(l for l in gh.stdout.splitlines() if "AL5001" in l)
    assert line.startswith("::error file=infra/vm.json,line=32,col=33,endLine=32,endColumn=40,"
                           "title=AL5001 extensions-without-vm-agent::Virtual machine")
    assert any(l.startswith("::notice file=") for l in gh.stdout.splitlines())
    # JUnit: one failing test case per finding at or above the fail level, in agreement with the
    # exit code; findings below it are skipped test cases (before, every rule that ran was a
    # test case and warnings and notes were failures of a run that exited 0)
    import xml.etree.ElementTree as ET
    for fail_level, failing_ids, code in (("error", ["AL5001", "AL5004"], 1),
                                          ("warning", ["AL5001", "AL5004", "AL5006"], 1)):
        proc = run("check", "infra", "--format", "junit", "--fail-level", fail_level, cwd=project)
        root = ET.fromstring(proc.stdout)
        cases = root.findall("./testsuite/testcase")
        assert len(cases) == 4 and all(c.get("classname") == "infra/vm.json" for c in cases)
        failing = sorted(c.get("name").split()[0] for c in cases if c.find("failure") is not None)
        assert failing == failing_ids and proc.returncode == code
        assert root.get("failures") == str(len(failing_ids))
    proc = run("check", "infra", "--format", "junit", "--select", "AL5002,AL5006", cwd=project)
    root = ET.fromstring(proc.stdout)
    assert proc.returncode == 0 and root.get("failures") == "0" and root.get("skipped") == "2"


def test_github_step_summary_is_appended_when_set(project):
    summary = project / "summary.md"
    summary.write_text("earlier step\n")
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    proc = run("check", "infra", "--format", "github", cwd=project, env=env)
    assert proc.returncode == 1
    text = summary.read_text()
    assert text.startswith("earlier step\n### armlint\n")
    assert "| rule | level | count | first location |" in text
    assert "| AL5001 extensions-without-vm-agent | error | 1 | infra/vm.json:32:33 |" in text
    # other formats leave the summary alone; a summary that cannot be written is a warning
    run("check", "infra", "--format", "sarif", cwd=project, env=env)
    assert summary.read_text() == text
    env["GITHUB_STEP_SUMMARY"] = str(project / "missing" / "summary.md")
    proc = run("check", "infra", "--format", "github", cwd=project, env=env)
    assert proc.returncode == 1 and "cannot append to GITHUB_STEP_SUMMARY" in proc.stderr


def test_several_formats_at_once(project):
    proc = run("check", "infra", "--format", "sarif", "--output", "out.sarif", "--format", "text",
               "--format", "json", "-o", "out.json", cwd=project)
    assert proc.stdout.startswith("infra/vm.json:32:33: AL5001")
    assert json.loads((project / "out.sarif").read_text())["version"] == "2.1.0"
    assert len(json.loads((project / "out.json").read_text())["findings"]) == 4
    bad = run("check", "infra", "--format", "json", "--format", "text", cwd=project)
    assert bad.returncode == 2 and "only one --format" in bad.stderr


def test_jobs_output_is_identical_to_serial(tmp_path):
    for i in range(60):
        (tmp_path / f"t{i:02}.json").write_text(EXAMPLE if i % 3 else AGENT_OFF)
    # only the VM agent rules: the count below is theirs, whatever other rules find in the files
    agent_rules = ",".join(f"AL500{n}" for n in range(1, 8))
    serial = run("check", ".", "--jobs", "1", "-f", "json", "--select", agent_rules, cwd=tmp_path)
    parallel = run("check", ".", "--jobs", "2", "-f", "json", "--select", agent_rules, cwd=tmp_path)
    assert serial.stdout == parallel.stdout and serial.returncode == parallel.returncode == 1
    assert len(json.loads(serial.stdout)["findings"]) == 40 * 4 + 20 * 2


def test_progress_bar_on_request(tmp_path):
    for i in range(320):
        (tmp_path / f"t{i:03}.json").write_text('{"$schema": "https://schema.management.azure.com/'
                                                'schemas/2019-04-01/deploymentTemplate.json#", '
                                                '"resources": []}')
    assert "linting [" in run("check", ".", "--progress", cwd=tmp_path).stderr
    assert "linting [" not in run("check", ".", cwd=tmp_path).stderr  # stderr is not a terminal


def test_color_only_on_a_terminal_and_not_with_no_color():
    from armlint.reporters import text
    from armlint.api import lint_paths, LintOptions
    result = lint_paths([str(REPO / "examples" / "vm-agent-disabled.json")],
                        LintOptions(use_config=False))
    assert "\033[31m" in text.render(result, color=True)
    assert "\033[" not in text.render(result, color=False)
    proc = run("check", "examples", cwd=REPO, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    assert "\033[" not in proc.stdout


# --- editors ---------------------------------------------------------------------------------

def test_problem_matcher_reads_real_text_output():
    matchers = json.loads((REPO / "editors" / "vscode" / "problem-matchers.json").read_text())
    patterns = [re.compile(m["pattern"]["regexp"]) for m in matchers["problemMatcher"]]
    out = run("check", "examples", cwd=REPO).stdout.splitlines()
    finding_lines = [l for l in out if re.search(r": AL\d{4} \[", l)]
    assert len(finding_lines) == 5
    for line in finding_lines:
        matches = [p.match(line) for p in patterns]
        hit = next(m for m in matches if m)
        assert sum(1 for m in matches if m) == 1
        assert hit.group(1).startswith("examples/") and int(hit.group(2)) > 0
        assert re.fullmatch(r"AL\d{4}", hit.group(4))
    tasks = json.loads((REPO / "editors" / "vscode" / "tasks.json").read_text())
    assert [m["pattern"]["regexp"] for m in tasks["tasks"][0]["problemMatcher"]] == \
        [m["pattern"]["regexp"] for m in matchers["problemMatcher"]]


# --- pre-commit ------------------------------------------------------------------------------

def test_pre_commit_hook_fails_on_a_bad_template_and_passes_on_a_good_one(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("the pre-commit tool is not installed (pip install pre-commit)")
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "main.json").write_text(EXAMPLE)
    subprocess.run([*git, "-C", str(repo), "add", "main.json"], check=True)
    # try-repo takes the hook definitions from this checkout, as a user's pre-commit would
    cmd = [pre_commit, "try-repo", str(REPO), "armlint", "--files", "main.json"]
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(tmp_path),
           "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    bad = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "main.json:32:33: AL5001 [error]" in bad.stdout
    (repo / "main.json").write_text((REPO / "examples" / "vm-agent-enabled.json").read_text())
    subprocess.run([*git, "-C", str(repo), "add", "main.json"], check=True)
    good = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env)
    assert good.returncode == 0, good.stdout + good.stderr


# --- more configuration keys -------------------------------------------------------------------

OFF_RULE = ("id: AL9002\nname: vm-named-vm1\ntitle: A VM named vm1\nlevel: warning\nenabled: false\n"
            "scope: {kind: resources, resource_types: [Microsoft.Compute/virtualMachines]}\n"
            "violation: \"name == 'vm1'\"\nreport_at: [resource.name]\n"
            "message: \"VM named vm1\"\nequivalents: ['bicep:my-vm-name']\ndocs: {what: w, why: y}\n")
BICEP_VM = (REPO / "tests" / "rules" / "AL5001" / "fail_parent_property.bicep").read_text()


def test_enable_and_override_select_and_enable(project):
    (project / "myrules").mkdir()
    (project / "myrules" / "AL9002-vm-named-vm1.yaml").write_text(OFF_RULE)
    (project / "infra" / "vm.bicep").write_text(BICEP_VM)
    (project / ".armlint.yaml").write_text("rules-dirs: [myrules]\n")
    assert "AL9002" not in run("check", "infra/vm.bicep", cwd=project).stdout  # off by default
    (project / ".armlint.yaml").write_text("rules-dirs: [myrules]\nenable: [vm-named-vm1]\n")
    assert "AL9002 [warning]" in run("check", "infra/vm.bicep", cwd=project).stdout
    (project / ".armlint.yaml").write_text(
        "rules-dirs: [myrules]\noverrides:\n  - files: ['infra/*.bicep']\n    select: [AL5001]\n"
        "    enable: [AL9002]\n")
    assert sorted(ids(run("check", "infra/vm.bicep", cwd=project).stdout)) == ["AL5001", "AL9002"]


def test_bicepconfig_levels_for_rules_with_a_bicep_equivalent(project):
    (project / "myrules").mkdir()
    (project / "myrules" / "AL9002-vm-named-vm1.yaml").write_text(OFF_RULE.replace(
        "enabled: false\n", ""))
    (project / "infra" / "vm.bicep").write_text(BICEP_VM)
    (project / ".armlint.yaml").write_text("rules-dirs: [myrules]\n")
    (project / "infra" / "bicepconfig.json").write_text(
        '{ // comments are allowed\n "analyzers": {"core": {"rules": {"my-vm-name": {"level": "error"}}}}}')
    assert "AL9002 [error]" in run("check", "infra/vm.bicep", cwd=project).stdout
    (project / "infra" / "bicepconfig.json").write_text(
        '{"analyzers": {"core": {"rules": {"my-vm-name": {"level": "info"}}}}}')
    assert "AL9002 [note]" in run("check", "infra/vm.bicep", cwd=project).stdout
    (project / "infra" / "bicepconfig.json").write_text(
        '{"analyzers": {"core": {"rules": {"my-vm-name": {"level": "off"}}}}}')
    out = run("check", "infra/vm.bicep", cwd=project).stdout
    assert "AL9002" not in out and "AL5001" in out
    # the armlint configuration wins over bicepconfig.json; JSON files are not affected
    (project / ".armlint.yaml").write_text("rules-dirs: [myrules]\nrules: {AL9002: warning}\n")
    assert "AL9002 [warning]" in run("check", "infra/vm.bicep", cwd=project).stdout
    (project / ".armlint.yaml").write_text("rules-dirs: [myrules]\n")
    (project / "infra" / "bicepconfig.json").write_text('{"analyzers": {"core": {"enabled": false}}}')
    assert "AL9002" not in run("check", "infra/vm.bicep", cwd=project).stdout
    json_run = run("check", "infra/vm.json", "--param", "virtualMachineName=vm1", cwd=project)
    assert "AL9002 [warning]" in json_run.stdout  # bicepconfig.json applies to Bicep files only
    (project / "infra" / "bicepconfig.json").write_text('{"analyzers": ')
    bad = run("check", "infra/vm.bicep", cwd=project)
    assert bad.returncode == 2 and "bicepconfig.json:1:" in bad.stderr


def test_baseline_from_config(project):
    run("check", "infra", "--write-baseline", str(project / "accepted.sarif"), cwd=project)
    (project / ".armlint.yaml").write_text("baseline: accepted.sarif\n")
    proc = run("check", "infra", cwd=project)
    assert proc.returncode == 0 and "4 unchanged and 0 fixed since the baseline" in proc.stdout


def test_configured_level_wins_over_a_milder_case_of_a_rule(project):
    (project / "infra" / "ids.json").write_text(
        '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",'
        ' "resources": [], "outputs": {"a": {"type": "string",'
        ' "value": "[resourceId(\'Microsoft.Storage/storageAccounts/\', \'st1\')]"}}}')
    mild = run("check", "infra/ids.json", "--select", "AL4009", cwd=project)
    assert "AL4009 [warning]" in mild.stdout and mild.returncode == 0
    (project / ".armlint.yaml").write_text("rules:\n  resource-ambiguous: error\n")
    strict = run("check", "infra/ids.json", "--select", "AL4009", cwd=project)
    assert "AL4009 [error]" in strict.stdout and strict.returncode == 1


def test_a_teams_own_id_prefix_selects_suppresses_and_matches_the_problem_matcher(project):
    write_vm_size_rule(project, "ORG101", "org-vm-size-allowed")
    proc = run("check", "infra", "--rules-dir", "myrules", "--select", "ORG", cwd=project)
    lines = [l for l in proc.stdout.splitlines() if ": ORG101 [warning]" in l]
    assert len(lines) == 1 and proc.returncode == 0
    matchers = json.loads((REPO / "editors" / "vscode" / "problem-matchers.json").read_text())
    assert re.compile(matchers["problemMatcher"][0]["pattern"]["regexp"]).match(lines[0]).group(4) == "ORG101"
    line_no = int(lines[0].split(":")[1])
    source = (project / "infra" / "vm.json").read_text().splitlines()
    source.insert(line_no - 1, "// armlint-disable-next-line ORG -- sizes are reviewed by hand")
    (project / "infra" / "vm.json").write_text("\n".join(source))
    quiet = run("check", "infra", "--rules-dir", "myrules", "--select", "ORG", cwd=project)
    assert ": ORG101" not in quiet.stdout and "1 suppressed" in quiet.stdout
