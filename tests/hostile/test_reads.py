"""Confined reads: a scanned repository cannot make armlint read files outside it, block on a
FIFO or stream a device, through templates, symlinks or its configuration."""
from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

from tests.hostile.harness import SECRET, armlint

TEMPLATE = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"p": {"type": "string"}},
  "resources": []
}
"""


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (tmp_path / "secret.txt").write_text(f"{SECRET}\n")
    return root


def findings(run) -> list[dict]:
    return json.loads(run.stdout)["findings"]


def by_file(run) -> dict:
    out: dict = {}
    for f in findings(run):
        out.setdefault(f["path"], []).append(f)
    return out


def test_files_a_bicep_file_names_outside_the_project_are_findings_and_unknown(repo):
    (repo / "main.bicep").write_text(
        "param environ string = loadTextContent('/proc/self/environ')\n"
        "var secret = loadTextContent('../secret.txt')\n"
        "var shadow = loadFileAsBase64('/etc/shadow')\n"
        "var passwd = loadJsonContent('/etc/passwd')\n"
        "var rnd = loadFileAsBase64('/dev/urandom')\n"
        "module m '../secret.bicep' = {\n  name: 'm'\n}\n"
        "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n"
        "  name: '${environ}${secret}${shadow}${passwd}${rnd}'\n  location: 'westeurope'\n}\n")
    (repo.parent / "secret.bicep").write_text(f"param x string = '{SECRET}'\n")
    run = armlint("check", ".", "--format", "json", "--select", "ALL", cwd=repo)
    assert run.returncode == 1
    refused = [f for f in findings(run) if f["rule_id"] == "AL0002"]
    assert [(f["start_line"], "outside the project" in f["message"]) for f in refused] == \
        [(1, True), (2, True), (3, True), (4, True), (5, True), (6, True)]


def test_a_symlink_in_the_tree_pointing_out_of_it_is_not_read(repo):
    (repo / "x.bicepparam").symlink_to("/etc/passwd")
    (repo / "y.json").symlink_to(repo.parent / "secret.txt")
    (repo / "z.json").symlink_to("/dev/zero")
    run = armlint("check", ".", "--format", "json", cwd=repo)
    got = {path: [f["message"] for f in fs] for path, fs in by_file(run).items()}
    assert set(got) == {"x.bicepparam", "y.json", "z.json"}
    assert all("outside the project" in m for ms in got.values() for m in ms)


@pytest.mark.parametrize("where", ["folder", "command line", "parameters", "auto", "load"])
def test_a_fifo_is_a_finding_or_a_usage_error_never_a_hang(repo, where):
    os.mkfifo(repo / "x.json")
    os.mkfifo(repo / "t.parameters.json")
    os.mkfifo(repo / "x.txt")
    (repo / "t.json").write_text(TEMPLATE)
    (repo / "m.bicep").write_text("var t = loadTextContent('x.txt')\noutput o string = t\n")
    args = {"folder": ["."], "command line": ["x.json"],
            "parameters": ["t.json", "--parameters", "t.parameters.json"],
            "auto": ["t.json", "--auto-parameters"], "load": ["m.bicep"]}[where]
    run = armlint("check", *args, "--format", "json", cwd=repo)
    if where in ("parameters", "auto"):
        assert run.returncode == 2
        assert "t.parameters.json" in run.stderr and "named pipe" in run.stderr
    else:
        assert run.returncode == 1
        assert any("named pipe" in f["message"] for f in findings(run))


def test_a_file_over_the_size_limit_is_a_finding(repo):
    (repo / "big.json").write_bytes(b" " * (2 * 1024 * 1024) + TEMPLATE.encode())
    run = armlint("check", "big.json", "--max-file-size", "1", "--format", "json", cwd=repo)
    assert [(f["rule_id"], f["message"]) for f in findings(run)] == \
        [("AL0002", "the file is 2 MB, over the limit of 1 MB (--max-file-size)")]


def test_root_widens_the_project(repo):
    shared = repo.parent / "shared-files"
    shared.mkdir()
    (shared / "script.sh").write_text("echo hello\n")
    (repo / "main.bicep").write_text("output o string = loadTextContent('../shared-files/script.sh')\n")
    assert armlint("check", "main.bicep", cwd=repo).returncode == 1
    assert armlint("check", "main.bicep", "--root", str(shared), cwd=repo).returncode == 0


@pytest.mark.parametrize("setting, text", [
    ("rules-dirs", "rules-dirs: [../rules]\n"),
    ("parameters", "parameters:\n  '*.json': ../secret.parameters.json\n"),
    ("baseline", "baseline: ../secret.sarif\n"),
])
def test_paths_a_configuration_names_must_lie_inside_the_project(repo, setting, text):
    (repo.parent / "rules").mkdir()
    (repo / ".armlint.yaml").write_text(text)
    (repo / "t.json").write_text(TEMPLATE)
    run = armlint("check", "t.json", cwd=repo)
    assert run.returncode == 2
    assert re.search(r"\.armlint\.yaml:\d+:\d+: ", run.stderr), run.stderr
    assert "outside the project" in run.stderr, run.stderr


def test_a_configuration_that_is_a_symlink_out_of_the_project_is_refused(repo):
    (repo / ".armlint.yaml").symlink_to(repo.parent / "secret.txt")
    (repo / "t.json").write_text(TEMPLATE)
    run = armlint("check", "t.json", cwd=repo)
    assert run.returncode == 2 and "outside the project" in run.stderr


def test_a_folder_that_cannot_be_listed_is_reported(repo, monkeypatch):
    """Root reads every folder, so the refusal is simulated where os.walk lists folders."""
    from armlint import discover
    (repo / "locked").mkdir()
    (repo / "ok.json").write_text(TEMPLATE)
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    found = discover.discover([str(repo)])
    assert sorted((c.path.name, c.problem or "") for c in found) == [
        ("locked", "cannot list the folder: Permission denied"), ("ok.json", "")]
