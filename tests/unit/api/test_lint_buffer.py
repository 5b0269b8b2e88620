"""lint_text(..., linter=open_linter(...)): an editor's unsaved buffer linted as `armlint check`
lints the file in its folder."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from armlint import api

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "vm-agent-disabled.json"


def check(folder: Path, name: str) -> list[tuple]:
    proc = subprocess.run([sys.executable, "-m", "armlint", "check", name, "--format", "json"],
                          capture_output=True, text=True, cwd=folder, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return sorted((f["rule_id"], f["start_line"], f["start_column"], f["level"])
                  for f in json.loads(proc.stdout)["findings"])


def buffer(folder: Path, name: str, text: str | None = None) -> list[tuple]:
    linter = api.open_linter(root=str(folder))
    path = folder / name
    result = api.lint_text(path.read_text() if text is None else text, str(path), linter=linter)
    return sorted((f.rule_id, f.location.span.start_line, f.location.span.start_col, f.level)
                  for f in result.findings if f.suppression is None)


def test_a_buffer_gets_what_check_gives_the_file_in_its_folder(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".armlint.yaml").write_text("ignore: [AL5002]\nrules: {AL5006: error}\n"
                                            "exclude: ['skipped/**']\n")
    shutil.copy(EXAMPLE, tmp_path / "vm.json")
    (tmp_path / "bicepconfig.json").write_text(
        '{"analyzers": {"core": {"rules": {"no-unused-params": {"level": "error"}}}}}')
    (tmp_path / "main.bicep").write_text("param unused string\n")
    for name in ("vm.json", "main.bicep"):
        found = buffer(tmp_path, name)
        assert found == check(tmp_path, name) and found
    assert ("AL5006", 32, 33, "error") in buffer(tmp_path, "vm.json")
    assert not [f for f in buffer(tmp_path, "vm.json") if f[0] == "AL5002"]
    assert buffer(tmp_path, "main.bicep") == [("AL2001", 1, 7, "error")]
    (tmp_path / "skipped").mkdir()
    linter = api.open_linter(root=str(tmp_path))
    assert api.lint_text(EXAMPLE.read_text(), str(tmp_path / "skipped" / "vm.json"),
                         linter=linter).kind == "skipped"


def test_the_buffer_text_is_linted_not_the_file(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "vm.json")
    fixed = EXAMPLE.read_text().replace('"provisionVmAgent": "false"', '"provisionVmAgent": true')
    assert "AL5001" in {f[0] for f in buffer(tmp_path, "vm.json")}
    assert "AL5001" not in {f[0] for f in buffer(tmp_path, "vm.json", fixed)}


def test_unsaved_modules_are_read_until_the_linter_forgets_files(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".armlint.yaml").write_text("enable: [AL4004]\n")  # off by default in Bicep
    module = ("param loc string = resourceGroup().location\n"
              "resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n"
              "  name: 'st'\n  location: loc\n  kind: 'StorageV2'\n  sku: { name: 'Standard_LRS' }\n}\n")
    (tmp_path / "mod.bicep").write_text(module)
    main = "module m './mod.bicep' = {\n  name: 'm'\n  params: { loc: 'westeurope' }\n}\n"
    linter = api.open_linter(root=str(tmp_path))
    path = str(tmp_path / "main.bicep")

    def ids():
        return {f.rule_id for f in api.lint_text(main, path, linter=linter).findings}
    assert "AL4004" in ids()
    linter.unsaved[str(tmp_path / "mod.bicep")] = module.replace("location: loc", "location: 'global'")
    assert "AL4004" in ids()  # the module read before is kept
    linter.forget_files()
    assert "AL4004" not in ids()
    assert linter.modules.read == {str(tmp_path / "mod.bicep")}


def test_bad_text_is_a_finding_not_an_exception(tmp_path):
    linter = api.open_linter(api.LintOptions(max_file_size=100), root=str(tmp_path))
    binary = api.lint_text('{"a": "\x00\x00"}', str(tmp_path / "b.json"), linter=linter)
    assert [f.rule_id for f in binary.findings] == ["AL0002"]
    big = api.lint_text("{" + " " * 200 + "}", str(tmp_path / "big.json"), linter=linter)
    assert [f.rule_id for f in big.findings] == ["AL0002"]
    assert "over the limit" in big.findings[0].message
