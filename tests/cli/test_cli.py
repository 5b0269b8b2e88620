"""The command line end to end: exit codes, formats, bad input that is reported and never stops
the run, and usage errors with exit code 2."""
import codecs
import json
import os
import re
import subprocess
import sys

from tests.conftest import REPO

GOOD = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": []
}
"""


def run(*args, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "armlint", *args], capture_output=True, text=True,
                          cwd=cwd or REPO)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_examples_exit_1_with_line_and_column():
    proc = run("check", "examples")
    assert proc.returncode == 1
    assert "examples/vm-agent-disabled.json:32:33: AL5001 [error]" in proc.stdout
    assert proc.stdout.strip().endswith("Linted 3 files (0 skipped): 2 errors, 2 warnings, 1 note.")


def test_clean_file_exits_0_and_other_json_is_skipped(tmp_path):
    (tmp_path / "ok.json").write_text(GOOD)
    (tmp_path / "package.json").write_text('{"name": "x"}')
    (tmp_path / "notes.txt").write_text("ignored")
    proc = run("check", str(tmp_path))
    assert proc.returncode == 0
    assert proc.stdout.strip() == "Linted 1 file (1 skipped): 0 errors, 0 warnings, 0 notes."


def test_fail_level(tmp_path):
    path = REPO / "examples" / "nsg-blocks-platform-address.json"
    assert run("check", str(path)).returncode == 0
    assert run("check", str(path), "--fail-level", "warning").returncode == 1


def test_select_ignore_and_unknown_selector():
    assert "AL5001" not in run("check", "examples", "--ignore", "AL5001,AL5004").stdout
    only = run("check", "examples", "--select", "vm-agent-flag-not-boolean")
    assert only.returncode == 0 and "AL5006" in only.stdout and "AL5001" not in only.stdout
    bad = run("check", "examples", "--select", "AL9")
    assert bad.returncode == 2 and "'AL9' is not a rule ID" in bad.stderr


def test_missing_path_is_a_usage_error():
    proc = run("check", "no/such/file.json")
    assert proc.returncode == 2 and "no such file or folder" in proc.stderr


def test_broken_files_are_findings_and_the_others_are_still_linted(tmp_path):
    (tmp_path / "a_invalid.json").write_text(GOOD.replace('"1.0.0.0",', '"1.0.0.0"'))
    (tmp_path / "b_empty.json").write_text("")
    (tmp_path / "c_binary.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "d_utf16.json").write_bytes(codecs.BOM_UTF16_LE +
                                            GOOD.replace("[]", '[{"type": "t", "name": "n", "Name": "m"}]')
                                            .encode("utf-16-le"))
    (tmp_path / "e_good.json").write_text(GOOD)
    proc = run("check", str(tmp_path / "a_invalid.json"), str(tmp_path / "b_empty.json"),
               str(tmp_path / "c_binary.json"), str(tmp_path / "d_utf16.json"),
               str(tmp_path / "e_good.json"))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert any(l.endswith("a_invalid.json:4:3: AL0001 [error] expected ',' or '}' after a property "
                          "value, found a string (parse-error)") for l in lines)
    assert any("b_empty.json:1:1: AL0001 [error] the file is empty" in l for l in lines)
    assert any("c_binary.json:3:1: AL0002 [error] binary content (a NUL byte)" in l for l in lines)
    assert any("d_utf16.json:4:44: AL1001 [error] 'Name' repeats the property 'name'" in l
               for l in lines)
    assert lines[-1] == "Linted 5 files (0 skipped): 4 errors, 0 warnings, 0 notes."


def test_broken_json_without_arm_schema_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "tsconfig.json").write_text('{ "compilerOptions": { } // comment\n, }x')
    proc = run("check", str(tmp_path))
    assert proc.returncode == 0 and "(1 skipped)" in proc.stdout


def test_formats_and_output_file(tmp_path):
    out = tmp_path / "out.sarif"
    proc = run("check", "examples", "--format", "sarif", "--output", str(out))
    assert proc.returncode == 1 and proc.stdout == ""
    assert "Linted 3 files" in proc.stderr
    log = json.loads(out.read_text())
    assert log["version"] == "2.1.0" and len(log["runs"][0]["results"]) == 5
    data = json.loads(run("check", "examples", "--format", "json").stdout)
    assert len(data["findings"]) == 5


def test_broken_custom_rule_is_exit_2_with_position(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "AL9001-x.yaml").write_text(
        "id: AL9001\nname: x\ntitle: t\nlevel: warning\nscope: {kind: resources}\n"
        "violation: \"resource.properties.[\"\nreport_at: [resource]\nmessage: m\n"
        "docs: {what: w, why: y}\n")
    proc = run("check", "examples", "--rules-dir", str(rules))
    assert proc.returncode == 2
    assert f"{rules / 'AL9001-x.yaml'}:6:" in proc.stderr and "rule AL9001 (x)" in proc.stderr
    assert "JMESPath syntax error" in proc.stderr


def test_custom_rule_runs(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "AL9001-vm-name.yaml").write_text(
        "id: AL9001\nname: vm-name-prefix\ntitle: VM names start with vm-\nlevel: warning\n"
        "scope: {kind: resources, resource_types: [Microsoft.Compute/virtualMachines]}\n"
        "violation: \"!starts_with_ci(name, 'vm-')\"\nreport_at: [resource.name]\n"
        "message: \"VM '{name}' does not start with vm-\"\ndocs: {what: w, why: y}\n")
    proc = run("check", "examples/vm-agent-enabled.json", "--rules-dir", str(rules),
               "--select", "AL9001", "--param", "vmName=app1")
    assert "AL9001 [warning] VM 'app1' does not start with vm-" in proc.stdout


def test_parameters_file_changes_the_verdict(tmp_path):
    template = REPO / "tests" / "rules" / "AL5001" / "fail_parameter_default_false.json"
    params = tmp_path / "p.json"
    params.write_text('{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
                      'deploymentParameters.json#", "contentVersion": "1.0.0.0",'
                      '"parameters": {"agent": {"value": true}}}')
    assert run("check", str(template), "--select", "AL5001").returncode == 1
    assert run("check", str(template), "--select", "AL5001", "--parameters", str(params)).returncode == 0
    broken = tmp_path / "broken.json"
    broken.write_text("{\n  \"parameters\": {\n}")
    proc = run("check", str(template), "--parameters", str(broken))
    assert proc.returncode == 2 and f"{broken}:3:2:" in proc.stderr


def test_rules_and_explain():
    listing = run("rules")
    assert listing.returncode == 0 and "AL5001  extensions-without-vm-agent" in listing.stdout
    page = run("explain", "extensions-without-vm-agent")
    assert page.returncode == 0 and page.stdout.startswith("# AL5001 extensions-without-vm-agent")
    assert "## Why is this bad?" in page.stdout
    assert run("explain", "nope").returncode == 2


def test_docs_command(tmp_path):
    proc = run("docs", str(tmp_path / "docs"))
    assert proc.returncode == 0
    assert (tmp_path / "docs" / "AL5001.md").read_text().startswith("# AL5001")


def test_test_rules_runs_a_teams_own_fixtures(tmp_path):
    rules = tmp_path / "rules"
    (rules / "tests" / "AL9001").mkdir(parents=True)
    (rules / "AL9001-vm-name.yaml").write_text(
        "id: AL9001\nname: vm-name-prefix\ntitle: VM names start with vm-\nlevel: warning\n"
        "scope: {kind: resources, resource_types: [Microsoft.Compute/virtualMachines]}\n"
        "violation: \"!starts_with_ci(name, 'vm-')\"\nreport_at: [resource.name]\n"
        "message: \"VM '{name}' does not start with vm-\"\ndocs: {what: w, why: y}\n")
    template = ('// {why}\n{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
                'deploymentTemplate.json#", "resources": [{{"type": "Microsoft.Compute/virtualMachines",'
                ' "apiVersion": "2024-07-01", "name": "{name}"}}]}}\n')
    fixtures = rules / "tests" / "AL9001"
    (fixtures / "pass_prefixed.json").write_text(template.format(why="prefixed", name="vm-app"))
    (fixtures / "fail_bare.json").write_text(template.format(why="bare", name="app"))
    first = run("test-rules", str(rules))
    assert first.returncode == 1 and "missing fail_bare.json.golden" in first.stdout
    assert run("test-rules", str(rules), "--update").returncode == 0
    golden = (fixtures / "fail_bare.json.golden").read_text()
    assert "//@ 2:" in golden and "AL9001 warning: VM 'app' does not start with vm-" in golden
    ok = run("test-rules", str(rules))
    assert ok.returncode == 0 and "2 fixtures, 0 failed" in ok.stdout
    (fixtures / "pass_prefixed.json").write_text(template.format(why="now bare", name="db"))
    bad = run("test-rules", str(rules))
    assert bad.returncode == 1 and "FAIL  AL9001 pass_prefixed.json" in bad.stdout


def test_input_nested_past_any_sensible_depth_is_a_finding_never_a_crash(tmp_path):
    expr = "[" + "concat(" * 5000 + "'a'" + ")" * 5000 + "]"
    (tmp_path / "deep_expression.json").write_text(
        GOOD.replace('"resources": []', f'"resources": [], "outputs": {{"o": {{"type": "string", '
                                        f'"value": "{expr}"}}}}'))
    (tmp_path / "deep_json.json").write_text(
        GOOD.replace('"resources": []', '"resources": [], "variables": {"a": ' + "[" * 100000
                     + "]" * 100000 + "}"))
    (tmp_path / "deep_index.bicep").write_text("param p array\noutput o string = p" + "[0]" * 3000 + "\n")
    (tmp_path / "deep_parens.bicep").write_text("var a = " + "(" * 100000 + "1" + ")" * 100000 + "\n")
    proc = run("check", ".", cwd=tmp_path)
    assert "AL0003" not in proc.stdout
    found = sorted(re.findall(r"^(\S+?):\d+:\d+: (AL\d+)", proc.stdout, re.M))
    assert found == [("deep_expression.json", "AL3001"), ("deep_index.bicep", "AL0001"),
                     ("deep_json.json", "AL0001"), ("deep_parens.bicep", "AL0001")]


def test_names_and_keys_utf8_cannot_hold_are_escaped_in_every_format(tmp_path):
    # a file name with a byte that is not UTF-8, and a key with a lone surrogate escape
    (tmp_path / os.fsdecode(b"\xffname.json")).write_text(GOOD.replace('"resources": []',
                                                                       '"resources": [], "variables": {"a": 1}'))
    (tmp_path / "key.json").write_text(GOOD.replace('"resources": []',
                                                    '"resources": [], "variables": {"a\\ud800": 1}'))
    for fmt in ("text", "json", "sarif", "github", "junit"):
        proc = run("check", ".", "--format", fmt, cwd=tmp_path)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, (fmt, proc.stderr)
        assert "udcffname.json" in proc.stdout and "a\\ud800" in proc.stdout.replace("\\\\", "\\")
    json.loads(run("check", ".", "--format", "sarif", cwd=tmp_path).stdout)


def test_tags_select_ignore_and_configure_rules(tmp_path):
    only = run("check", "examples", "--select", "tag:vm-agent", "--format", "json")
    ids = {f["rule_id"] for f in json.loads(only.stdout)["findings"]} if only.stdout else set()
    assert ids and all(i.startswith("AL50") for i in ids)
    assert "AL5001" not in run("check", "examples", "--ignore", "tag:vm-agent").stdout
    (tmp_path / ".armlint.yaml").write_text("ignore: ['tag:vm-agent']\n")
    (tmp_path / "vm.json").write_bytes((REPO / "examples" / "vm-agent-disabled.json").read_bytes())
    configured = run("check", str(tmp_path / "vm.json"), cwd=tmp_path)
    assert "AL5001" not in configured.stdout and configured.returncode == 0
    bad = run("check", "examples", "--select", "tag:no-such-tag")
    assert bad.returncode == 2 and "no rule has the tag 'no-such-tag'" in bad.stderr
