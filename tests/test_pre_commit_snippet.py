"""The README's pre-commit snippet works as written: its `rev` exists in the repository, its
hook IDs are the repository's hooks, and pre-commit, given the snippet with only `repo:` pointed
at the local repository, installs armlint at that revision and fails a commit of a bad template
and passes a good one."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO


def readme_snippet() -> str:
    text = (REPO / "README.md").read_text()
    section = text[text.index("\n## pre-commit\n"):]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_the_snippet_pins_a_revision_of_this_repository_and_its_hooks():
    config = yaml.safe_load(readme_snippet())
    (entry,) = config["repos"]
    assert entry["repo"] == "https://github.com/armlint/armlint"
    rev = entry["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", rev), "pin a full commit SHA (no release tags exist)"
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: the pinned revision cannot be looked up")
    found = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{rev}^{{commit}}"],
                           capture_output=True)
    assert found.returncode == 0, f"the README pins {rev}, which is not a commit of this repository"
    hooks = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:.pre-commit-hooks.yaml"],
                           capture_output=True, text=True, check=True).stdout
    assert {h["id"] for h in entry["hooks"]} <= {h["id"] for h in yaml.safe_load(hooks)}


def test_the_snippet_runs_with_pre_commit(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("the pre-commit tool is not installed (pip install pre-commit)")
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: pre-commit clones the pinned revision from it")
    snippet = readme_snippet().replace("https://github.com/armlint/armlint", str(REPO))
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-C", str(repo)]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".pre-commit-config.yaml").write_text(snippet)
    (repo / "main.json").write_text((REPO / "examples" / "vm-agent-disabled.json").read_text())
    (repo / "main.bicep").write_text("param location string = resourceGroup().location\n"
                                     "output where string = location\n")
    subprocess.run([*git, "add", "."], check=True)
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(tmp_path),
           "PRE_COMMIT_HOME": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    bad = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, capture_output=True,
                         text=True, env=env, timeout=900)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "main.json:32:33: AL5001 [error]" in bad.stdout
    assert re.search(r"armlint \(Bicep\)\.+Passed", bad.stdout), bad.stdout
    (repo / "main.json").write_text((REPO / "examples" / "vm-agent-enabled.json").read_text())
    subprocess.run([*git, "add", "main.json"], check=True)
    good = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, capture_output=True,
                          text=True, env=env, timeout=900)
    assert good.returncode == 0, good.stdout + good.stderr
