"""The built wheel carries rules/ and schemas/, installs into a fresh virtual environment, and
its `armlint` command lints a fixture."""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("setuptools")
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    for name in ("armlint", "rules", "schemas"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist), str(src)], check=True, capture_output=True)
    return next(dist.glob("armlint-*.whl"))


def test_wheel_contents(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    rule_files = sorted((REPO / "rules").rglob("*.yaml"))
    for path in rule_files:
        assert f"armlint/rules/{path.relative_to(REPO / 'rules').as_posix()}" in names
    assert "armlint/schemas/rule.schema.json" in names
    assert "armlint/cli.py" in names
    for table in ("definitions", "initiatives", "alz", "aliases"):
        assert f"armlint/data/policy-{table}.jsonl.xz" in names  # the bundled Azure Policy tables
    assert "armlint/data/POLICY-NOTICE.md" in names  # their MIT attribution
    assert "armlint/policy/engine.py" in names


def test_installed_command_lints_a_fixture(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                    "-q", str(wheel)], check=True, capture_output=True)
    # dependencies come from the test environment, the package itself only from the wheel
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    with open(f"{site}/test-deps.pth", "w") as f:
        f.write(sysconfig.get_paths()["purelib"] + "\n")
    fixture = REPO / "tests" / "rules" / "AL5001" / "fail_nested_child.json"
    proc = subprocess.run([str(env_dir / "bin" / "armlint"), "check", str(fixture)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert ":15:57: AL5001 [error]" in proc.stdout
    where = subprocess.run([str(python), "-c", "import armlint.engine.loader as l; "
                            "print(l.BUILTIN_RULES_DIR)"], capture_output=True, text=True,
                           cwd=tmp_path).stdout.strip()
    assert where.startswith(str(env_dir)) and where.endswith("armlint/rules")
