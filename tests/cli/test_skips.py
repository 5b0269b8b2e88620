"""Nothing is skipped in silence: a file named on the command line that is not linted is a
warning with the reason, --show-skipped lists every file left out and why, --exclude and
.gitignore leave files out, and JSON the Bicep compiler wrote is left to its .bicep source."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

EXAMPLE = (REPO / "examples" / "vm-agent-disabled.json").read_text()
PARAMS = ('{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
          'deploymentParameters.json#", "contentVersion": "1.0.0.0", '
          '"parameters": {"agent": {"value": true}}}')
BICEP = "param location string = resourceGroup().location\noutput where string = location\n"
GENERATED = json.dumps({
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "contentVersion": "1.0.0.0",
    "metadata": {"_generator": {"name": "bicep", "version": "0.30.23.60470",
                                "templateHash": "1"}},
    "parameters": {"location": {"type": "string", "defaultValue": "[resourceGroup().location]"}},
    "resources": [{"type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview",
                   "name": "d", "properties": {"metrics": [{"timeGrain": None, "enabled": True}]}}],
    "outputs": {"where": {"type": "string", "value": "[parameters('location')]"}},
}, indent=2)


def run(*args, cwd: Path):
    proc = subprocess.run([sys.executable, "-m", "armlint", *args], capture_output=True,
                          text=True, cwd=cwd)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def linted(proc) -> list[str]:
    """The paths with findings in a JSON report."""
    return sorted({f["path"] for f in json.loads(proc.stdout)["findings"]})


def skipped(proc) -> dict[str, str]:
    return {s["path"]: s["reason"] for s in json.loads(proc.stdout)["skipped"]}


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "vm.json").write_text(EXAMPLE)
    return tmp_path


def test_a_named_file_that_is_not_linted_is_a_warning_with_the_reason(repo):
    (repo / "package.json").write_text('{"name": "x"}')
    (repo / "other.json").write_text('{"$schema": "https://json.schemastore.org/tsconfig"}')
    proc = run("check", "package.json", "other.json", cwd=repo)
    assert proc.returncode == 0
    assert "armlint: warning: package.json was not linted: no $schema naming a deployment " \
           "template or parameter file" in proc.stderr
    assert "armlint: warning: other.json was not linted: its $schema " \
           "('https://json.schemastore.org/tsconfig') is not a deployment template" in proc.stderr
    assert "Linted 0 files (2 skipped)" in proc.stdout


def test_files_found_in_folders_are_listed_only_with_show_skipped(repo):
    (repo / "infra" / "package.json").write_text('{"name": "x"}')
    quiet = run("check", ".", cwd=repo)
    assert "package.json" not in quiet.stderr and "(1 skipped)" in quiet.stdout
    proc = run("check", ".", "--show-skipped", cwd=repo)
    assert "armlint: skipped infra/package.json: no $schema naming a deployment template or " \
           "parameter file" in proc.stderr
    assert "vm.json" not in proc.stderr


def test_exclude_is_repeatable_by_path_or_by_name(repo):
    (repo / "generated").mkdir()
    (repo / "generated" / "vm.json").write_text(EXAMPLE)
    (repo / "legacy").mkdir()
    (repo / "legacy" / "old.json").write_text(EXAMPLE)
    every = ["generated/vm.json", "infra/vm.json", "legacy/old.json"]
    assert linted(run("check", ".", "-f", "json", cwd=repo)) == every
    proc = run("check", ".", "-f", "json", "--exclude", "generated", "--exclude",
               "legacy/*.json", cwd=repo)
    assert linted(proc) == ["infra/vm.json"]
    assert skipped(proc) == {"generated/vm.json": "excluded by --exclude 'generated'",
                             "legacy/old.json": "excluded by --exclude 'legacy/*.json'"}
    # a folder glob with '/' leaves out what is below it; a named file is a warning
    proc = run("check", "infra/vm.json", "--exclude", "infra", "-f", "json", cwd=repo)
    assert linted(proc) == [] and proc.returncode == 0
    assert "infra/vm.json was not linted: excluded by --exclude 'infra'" in proc.stderr


def test_config_exclude_names_its_file_and_pattern(repo):
    (repo / ".armlint.yaml").write_text("exclude: ['infra/**']\n")
    proc = run("check", ".", "-f", "json", cwd=repo)
    assert skipped(proc) == {"infra/vm.json": "excluded by exclude: 'infra/**' in .armlint.yaml"}


def test_gitignore_is_honoured_in_folder_walks(repo):
    (repo / ".git").mkdir()  # the top of a working tree
    (repo / ".gitignore").write_text("# build output\nout/\n*.generated.json\n")
    (repo / "out").mkdir()
    (repo / "out" / "vm.json").write_text(EXAMPLE)
    (repo / "infra" / "a.generated.json").write_text(EXAMPLE)
    (repo / "infra" / "keep.generated.json").write_text(EXAMPLE)
    (repo / "infra" / ".gitignore").write_text("!keep.generated.json\n")
    proc = run("check", ".", "-f", "json", cwd=repo)
    assert linted(proc) == ["infra/keep.generated.json", "infra/vm.json"]
    assert skipped(proc) == {"out/": "ignored by .gitignore:2 ('out/')",
                             "infra/a.generated.json": "ignored by .gitignore:3 "
                                                       "('*.generated.json')"}
    # walking a subfolder still reads the .gitignore files above it, up to the working tree
    assert linted(run("check", "infra", "-f", "json", cwd=repo)) == \
        ["infra/keep.generated.json", "infra/vm.json"]
    everything = run("check", ".", "-f", "json", "--no-gitignore", cwd=repo)
    assert linted(everything) == ["infra/a.generated.json", "infra/keep.generated.json",
                                  "infra/vm.json", "out/vm.json"]
    # a file named on the command line is linted whatever .gitignore says (as `git add` takes it)
    assert linted(run("check", "out/vm.json", "-f", "json", cwd=repo)) == ["out/vm.json"]


def test_bicep_generated_json_is_left_to_its_source(repo):
    (repo / "mod").mkdir()
    (repo / "mod" / "main.bicep").write_text(BICEP)
    (repo / "mod" / "main.json").write_text(GENERATED)
    proc = run("check", ".", "-f", "json", "--select", "AL1003", cwd=repo)
    assert skipped(proc) == {"mod/main.json": "generated by the Bicep compiler from main.bicep, "
                                              "which this run lints (--include-generated lints "
                                              "it too)"}
    assert "mod/main.json" not in linted(proc)
    proc = run("check", ".", "-f", "json", "--select", "AL1003", "--include-generated", cwd=repo)
    assert "mod/main.json" in linted(proc)
    # without its source in the run, the generated file is linted like any template
    assert linted(run("check", "mod/main.json", "-f", "json", "--select", "AL1003",
                      cwd=repo)) == ["mod/main.json"]
    assert "mod/main.json" in linted(run("check", ".", "-f", "json", "--select", "AL1003",
                                         "--exclude", "*.bicep", cwd=repo))
    # a template that only sits beside a .bicep file but was not generated from it is linted
    (repo / "mod" / "main.json").write_text(GENERATED.replace('"bicep"', '"handmade"'))
    assert "mod/main.json" in linted(run("check", ".", "-f", "json", "--select", "AL1003",
                                         cwd=repo))


def test_a_parameter_file_with_a_schema_key_is_a_finding_not_a_skip(repo):
    (repo / "params.json").write_text(PARAMS.replace('"$schema"', '"schema"'))
    proc = run("check", "params.json", "-f", "json", cwd=repo)
    data = json.loads(proc.stdout)
    assert data["files_linted"] == 1 and data["skipped"] == [] and "not linted" not in proc.stderr
    assert [(f["rule_id"], f["start_line"], f["start_column"]) for f in data["findings"]] == \
        [("AL1006", 1, 12)]
    assert "with the key 'schema'" in data["findings"][0]["message"]
