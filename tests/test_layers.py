"""The layer order of DESIGN.md holds in the code: the import-linter contracts in pyproject.toml
(an import never goes up the list of layers; the engine knows nothing of Azure Policy), and rule
modules in armlint/checks do not import one another (only the `_` helper modules they share)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def test_import_contracts_are_kept():
    pytest.importorskip("importlinter", reason="install the test extra: pip install -e '.[test]'")
    script = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run([str(script), str(REPO / "pyproject.toml"), "--no-cache"], cwd=REPO,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_the_contracts_catch_an_import_that_goes_up(tmp_path):
    """The contract is not vacuous: the same check over a copy where the model imports a rule
    module fails."""
    pytest.importorskip("importlinter", reason="install the test extra: pip install -e '.[test]'")
    import shutil
    copy = tmp_path / "src"
    shutil.copytree(REPO / "armlint", copy / "armlint",
                    ignore=shutil.ignore_patterns("__pycache__", "data", "rules", "schemas"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    views = copy / "armlint" / "model" / "views.py"
    views.write_text(views.read_text() + "\nfrom ..checks import unused_parameters  # noqa\n")
    script = Path(sys.executable).parent / "lint-imports"
    env = {"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"}
    run = subprocess.run([str(script), str(tmp_path / "pyproject.toml"), "--no-cache"],
                         cwd=tmp_path, capture_output=True, text=True, env=env)
    assert run.returncode != 0
    assert "armlint.model is not allowed to import armlint.checks" in run.stdout


def test_rule_modules_do_not_import_each_other():
    checks = REPO / "armlint" / "checks"
    rules = {p.stem for p in checks.glob("*.py") if not p.stem.startswith("_")}
    found = []
    for path in sorted(checks.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                names = [node.module] if node.module else [a.name for a in node.names]
                found += [f"{path.name} imports {n}" for n in names
                          if n and n.split(".")[0] in rules]
    assert found == []
