"""The test suite runs anywhere: it says why a test was skipped, and no test (nor an armlint
process a test starts) writes to the user's cache folder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib


def test_pytest_prints_skip_reasons():
    options = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert "-rs" in options["addopts"].split() or "-ra" in options["addopts"].split()


def test_cache_folder_is_temporary_for_the_session(tmp_path):
    cache = Path(os.environ["XDG_CACHE_HOME"])
    assert cache.resolve() != (Path.home() / ".cache").resolve()
    assert not str(cache.resolve()).startswith(str(Path.home().resolve() / ".cache"))
    fixture = REPO / "examples" / "vm-agent-disabled.json"
    env = {k: v for k, v in os.environ.items() if k != "ARMLINT_NO_CACHE"}
    subprocess.run([sys.executable, "-m", "armlint", "check", str(fixture)], capture_output=True,
                   cwd=tmp_path, env=env, check=False)
    written = [p for p in cache.rglob("*") if p.is_file()]
    assert written, "the armlint process kept its catalogue cache somewhere else"
