"""The result cache from the command line: on by default in the user cache folder,
ARMLINT_CACHE_DIR moves it, --no-cache and ARMLINT_NO_CACHE skip it, and a run served from the
cache prints what a run without it prints, exit code included."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def run(*args, cwd, env=None):
    proc = subprocess.run([sys.executable, "-m", "armlint", *args], capture_output=True, text=True,
                          cwd=cwd, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def result_entries(folder: Path) -> list:
    return sorted((folder / "results").glob("*/*.json"))


@pytest.fixture
def examples(tmp_path):
    work = tmp_path / "work"
    shutil.copytree(REPO / "examples", work / "examples")
    return work


def test_on_by_default_in_the_user_cache_folder_and_the_same_output(examples):
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "armlint"
    if os.environ.get("ARMLINT_NO_CACHE", "") not in ("", "0"):
        pytest.skip("ARMLINT_NO_CACHE turns the cache off")
    first = run("check", "examples", "-f", "sarif", cwd=examples)
    assert len(result_entries(cache)) == 3
    second = run("check", "examples", "-f", "sarif", cwd=examples)
    assert (second.returncode, second.stdout, second.stderr) == \
        (first.returncode, first.stdout, first.stderr)
    plain = run("check", "examples", "-f", "sarif", "--no-cache", cwd=examples)
    assert (plain.returncode, plain.stdout) == (first.returncode, first.stdout)


def test_armlint_cache_dir_moves_it(examples, tmp_path):
    if os.environ.get("ARMLINT_NO_CACHE", "") not in ("", "0"):
        pytest.skip("ARMLINT_NO_CACHE turns the cache off")
    own = tmp_path / "own-cache"
    env = dict(os.environ, ARMLINT_CACHE_DIR=str(own))
    run("check", "examples", cwd=examples, env=env)
    assert len(result_entries(own)) == 3
    assert result_entries(Path(os.environ["XDG_CACHE_HOME"]) / "armlint") == []


def test_no_cache_and_armlint_no_cache_write_no_entry(examples, tmp_path):
    own = tmp_path / "own-cache"
    env = dict(os.environ, ARMLINT_CACHE_DIR=str(own))
    proc = run("check", "examples", "--no-cache", cwd=examples, env=env)
    assert proc.returncode == 1 and result_entries(own) == []
    env["ARMLINT_NO_CACHE"] = "1"
    proc = run("check", "examples", cwd=examples, env=env)
    assert proc.returncode == 1 and result_entries(own) == []


def test_a_cache_folder_that_cannot_be_made_is_no_failure(examples, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = dict(os.environ, ARMLINT_CACHE_DIR=str(blocker / "cache"))
    proc = run("check", "examples", "-f", "json", cwd=examples, env=env)
    plain = run("check", "examples", "-f", "json", "--no-cache", cwd=examples)
    assert (proc.returncode, proc.stdout, proc.stderr) == (plain.returncode, plain.stdout,
                                                           plain.stderr)
