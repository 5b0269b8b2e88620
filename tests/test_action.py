"""The GitHub Action in action.yml works as a workflow runs it: its steps, read from the file,
run in order with bash as GitHub runs them (inputs, `github.action_path` and step outputs
substituted, RUNNER_TEMP, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY set): the first installs armlint
from the action's checkout into a fresh virtual environment, the second lints with the inputs and
writes SARIF, annotations and the step summary. Offline: pip builds the checkout without an
index, and the dependencies come from the test environment."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, SARIF_SCHEMA

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
EXAMPLE = (REPO / "examples" / "vm-agent-disabled.json").read_text()
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def test_action_declares_its_inputs_and_runs_from_its_own_checkout():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) >= {"paths", "fail-level", "baseline", "config", "sarif-file",
                                     "sarif-category"}
    steps = ACTION["runs"]["steps"]
    assert steps[0]["env"]["ARMLINT_SOURCE"] == "${{ github.action_path }}"
    assert 'pip install --quiet --disable-pip-version-check "$ARMLINT_SOURCE"' in steps[0]["run"]
    for step in steps:  # inputs reach the script through the environment only
        assert "${{" not in step["run"]
    assert ACTION["outputs"]["sarif-file"]["value"] == "${{ steps.check.outputs.sarif-file }}"


class Runner:
    """Runs the action's steps as a GitHub runner would, offline."""

    def __init__(self, action_path: Path, workspace: Path, temp: Path):
        self.action_path, self.workspace, self.temp = action_path, workspace, temp
        self.outputs: dict[str, dict] = {}
        self.summary = temp / "step_summary.md"

    def value(self, expression: str, inputs: dict) -> str:
        parts = expression.split(".")
        if parts[0] == "inputs":
            return str(inputs.get(parts[1], ACTION["inputs"][parts[1]].get("default", "")))
        if parts == ["github", "action_path"]:
            return str(self.action_path)
        if parts[0] == "steps" and parts[2] == "outputs":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        raise AssertionError(f"the test does not know the expression {expression}")

    def run(self, inputs: dict, first: int = 0) -> list[subprocess.CompletedProcess]:
        """Run the steps from the `first` on (the outputs of those before are kept)."""
        procs = []
        for n, step in enumerate(ACTION["runs"]["steps"]):
            if n < first:
                continue
            assert step["shell"] == "bash"
            env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PIP_"))}
            env.update({k: EXPRESSION.sub(lambda m: self.value(m.group(1), inputs), v)
                        for k, v in step.get("env", {}).items()})
            output = self.temp / f"output-{n}"
            output.write_text("")
            env.update(RUNNER_TEMP=str(self.temp), GITHUB_OUTPUT=str(output),
                       GITHUB_STEP_SUMMARY=str(self.summary), CI="true",
                       # offline: no index, the checkout built with the test environment's
                       # setuptools, dependencies from the test environment
                       PIP_NO_INDEX="1", PIP_NO_DEPS="1", PIP_NO_BUILD_ISOLATION="0",
                       PYTHONPATH=sysconfig.get_paths()["purelib"])
            script = self.temp / f"step-{n}.sh"
            script.write_text(step["run"])
            proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                                  cwd=self.workspace, env=env, capture_output=True, text=True,
                                  timeout=600)
            assert "Traceback" not in proc.stderr, proc.stderr
            self.outputs[step["id"]] = dict(line.split("=", 1) for line in
                                            output.read_text().splitlines() if "=" in line)
            procs.append(proc)
            if proc.returncode != 0:
                break
        return procs


@pytest.fixture(scope="module")
def action_checkout(tmp_path_factory):
    """A checkout of the action: the repository's files the package is built from."""
    pytest.importorskip("setuptools")
    src = tmp_path_factory.mktemp("action")
    for name in ("pyproject.toml", "README.md", "action.yml"):
        shutil.copy(REPO / name, src / name)
    for name in ("armlint", "rules", "schemas"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    return src


def test_the_action_installs_armlint_and_lints_with_its_inputs(action_checkout, tmp_path):
    workspace = tmp_path / "workspace"
    (workspace / "infra").mkdir(parents=True)
    (workspace / "more").mkdir()
    (workspace / "infra" / "vm.json").write_text(EXAMPLE)
    (workspace / "lint.yaml").write_text("ignore: [AL5002]\n")
    runner = Runner(action_checkout, workspace, tmp_path / "temp")
    runner.temp.mkdir()
    # accept today's findings with the armlint the action installs, then add a new template
    install, check = runner.run({"paths": "infra", "sarif-file": "first.sarif"})
    assert install.returncode == 0, install.stderr
    armlint = runner.outputs["install"]["command"]
    assert armlint.startswith(str(runner.temp / "armlint-venv"))
    assert re.fullmatch(r"armlint, version \S+\n", install.stdout)
    where = subprocess.run([str(Path(armlint).parent / "python"), "-c",
                            "import armlint; print(armlint.__file__)"], capture_output=True,
                           text=True, cwd=workspace,
                           env={**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]})
    assert where.stdout.startswith(str(runner.temp / "armlint-venv"))  # not the repository
    assert check.returncode == 1  # the example's errors fail the step
    subprocess.run([armlint, "check", "infra", "--write-baseline", "accepted.sarif"],
                   cwd=workspace, capture_output=True, env={
                       **os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}, check=True)
    (workspace / "more" / "new.json").write_text(
        (REPO / "tests" / "rules" / "AL5006" / "fail_string_true_and_allow.json").read_text())

    procs = runner.run({"paths": "infra\n  more", "fail-level": "warning",
                        "baseline": "accepted.sarif", "config": "lint.yaml",
                        "sarif-file": "armlint.sarif", "sarif-category": "infra"}, first=1)
    check = procs[0]
    assert check.returncode == 1, check.stderr  # new warnings at fail level warning
    assert runner.outputs["check"]["sarif-file"] == "armlint.sarif"
    log = json.loads((workspace / "armlint.sarif").read_text())
    import jsonschema
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    run = log["runs"][0]
    assert run["automationDetails"]["id"] == "infra/"
    new = [r for r in run["results"] if r["baselineState"] == "new"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in new} == \
        {"more/new.json"}
    assert not any(r["ruleId"] == "AL5002" for r in run["results"])  # the config was used
    annotations = [l for l in check.stdout.splitlines() if l.startswith("::")]
    assert annotations and all("file=more/new.json" in l for l in annotations)
    summary = runner.summary.read_text()
    assert "| AL5006 vm-agent-flag-not-boolean | warning |" in summary

    # clean at the default fail level: the warnings do not fail the step
    procs = runner.run({"paths": "more", "baseline": "accepted.sarif"}, first=1)
    assert procs[0].returncode == 0, procs[0].stderr
