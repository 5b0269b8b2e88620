"""A plain `armlint check` repeated on unchanged inputs is replayed (replay.py): the same output,
in the same order, and the same exit code, without the API, click, the catalogue or the model;
and it is not replayed when anything it depends on changed: a template, a module, a
configuration file that appears, an environment variable it read, the working folder, the
arguments, the kind of output stream, a listed folder. An --output run is never replayed, a
corrupt record is a miss, concurrent runs agree."""
from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "vm-agent-disabled.json"  # four findings, exit 1
PAST = time.time() - 3600

# modules a replay must not import (tests/cli/test_fast_args.py: those of a cache hit)
NOT_ON_A_REPLAY = ("armlint.api", "armlint.replaytrace", "click", "armlint.engine.catalogue",
                   "armlint.model", "armlint.engine.run", "armlint.linter", "jmespath", "yaml",
                   "jsonschema", "json", "re", "pathlib", "enum", "signal")


def old(path: Path) -> Path:
    os.utime(path, (PAST, PAST))
    return path


@pytest.fixture
def env(tmp_path):
    env = dict(os.environ, ARMLINT_CACHE_DIR=str(tmp_path / "cache"))
    for name in ("ARMLINT_NO_CACHE", "NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY"):
        env.pop(name, None)
    return env


@pytest.fixture
def project(tmp_path):
    """proj/ (the working folder) with infra/vm.json: the files that change are in infra/, so
    that the working folder (first on the import path of `python -m`) stays as it was."""
    infra = tmp_path / "proj" / "infra"
    infra.mkdir(parents=True)
    (infra / "vm.json").write_bytes(EXAMPLE.read_bytes())
    return tmp_path / "proj"


class Run:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.stdout = proc.stdout
        lines = proc.stderr.splitlines(keepends=True)
        self.imported = {line.split("|")[-1].strip() for line in lines
                         if line.startswith("import time:")}
        self.stderr = "".join(line for line in lines if not line.startswith("import time:"))
        assert "Traceback" not in self.stderr, self.stderr

    @property
    def replayed(self) -> bool:
        return "armlint.replay" in self.imported and "armlint.api" not in self.imported

    @property
    def output(self) -> tuple:
        return self.code, self.stdout, self.stderr


def armlint(*args, cwd, env, **kwargs) -> Run:
    return Run(subprocess.run([sys.executable, "-X", "importtime", "-m", "armlint", "check",
                               *args], cwd=cwd, env=env, capture_output=True, text=True,
                              **kwargs))


def test_a_repeated_run_is_replayed_exactly_without_the_heavy_imports(project, env):
    first = armlint("infra/vm.json", cwd=project, env=env)
    assert not first.replayed and first.code == 1 and "AL5001" in first.stdout
    again = armlint("infra/vm.json", cwd=project, env=env)
    assert again.replayed
    assert again.output == first.output
    at_start = Run(subprocess.run([sys.executable, "-X", "importtime", "-c", "pass"],
                                  capture_output=True, text=True)).imported
    for module in NOT_ON_A_REPLAY:  # those an editable install's finder imports are loaded
        assert module not in again.imported or module in at_start, module
    plain = armlint("infra/vm.json", "--no-cache", cwd=project, env=env)
    assert not plain.replayed and plain.output == first.output


def test_stdout_and_stderr_are_replayed_in_their_order(project, env):
    """A warning on stderr, the findings on stdout, the summary on stderr: one pipe for both."""
    (project / "infra" / "notes.json").write_text('{"not": "a template"}')
    old(project / "infra" / "notes.json")
    args = [sys.executable, "-m", "armlint", "check", "infra/notes.json", "infra/vm.json",
            "-f", "json"]
    runs = [subprocess.run(args, cwd=project, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    assert runs[0].stdout.index("was not linted") < runs[0].stdout.index('"findings"') < \
        runs[0].stdout.index("Linted 1 file")
    assert (runs[1].returncode, runs[1].stdout) == (runs[0].returncode, runs[0].stdout)


def test_a_changed_template_is_linted_again(project, env):
    armlint("infra/vm.json", cwd=project, env=env)
    vm = project / "infra" / "vm.json"
    vm.write_text(EXAMPLE.read_text().replace('"false"', "true"))
    old(vm)  # its time as it was: the change time and the bytes still tell
    again = armlint("infra/vm.json", cwd=project, env=env)
    assert not again.replayed
    assert "AL5001" not in again.stdout and again.code == 0


BICEP_MAIN = """\
module storage 'storage.bicep' = {
  name: 'storage'
  params: {
    location: 'westeurope'
  }
}
"""
MODULE = "param %s string\noutput x string = %s\n"


def test_a_changed_module_is_linted_again(project, env):
    infra = project / "infra"
    (infra / "main.bicep").write_text(BICEP_MAIN)
    (infra / "storage.bicep").write_text(MODULE % ("location", "location"))
    first = armlint("infra/main.bicep", cwd=project, env=env)
    assert first.code == 0
    assert armlint("infra/main.bicep", cwd=project, env=env).replayed
    (infra / "storage.bicep").write_text(MODULE % ("where", "where"))
    again = armlint("infra/main.bicep", cwd=project, env=env)
    assert not again.replayed
    assert again.code == 1 and "AL1017" in again.stdout
    assert again.output == armlint("infra/main.bicep", "--no-cache", cwd=project, env=env).output


def test_a_configuration_file_that_appears_is_read(project, env):
    armlint("infra/vm.json", cwd=project, env=env)
    assert armlint("infra/vm.json", cwd=project, env=env).replayed
    (project / "infra" / ".armlint.yaml").write_text("ignore: [AL5001]\n")
    again = armlint("infra/vm.json", cwd=project, env=env)
    assert not again.replayed and "AL5001" not in again.stdout and "AL5004" in again.stdout


def test_a_new_file_in_a_linted_folder_is_linted(project, env):
    first = armlint("infra", cwd=project, env=env)
    assert armlint("infra", cwd=project, env=env).replayed
    shutil.copy(EXAMPLE, project / "infra" / "second.json")
    again = armlint("infra", cwd=project, env=env)
    assert not again.replayed
    assert "Linted 1 file" in first.stderr + first.stdout
    assert "Linted 2 files" in again.stderr + again.stdout


def test_an_environment_variable_the_run_read_counts_and_no_other(project, env):
    first = armlint("infra/vm.json", cwd=project, env=env)
    unrelated = armlint("infra/vm.json", cwd=project, env=dict(env, SOMETHING_ELSE="1"))
    assert unrelated.replayed and unrelated.output == first.output
    coloured = armlint("infra/vm.json", cwd=project, env=dict(env, FORCE_COLOR="1"))
    assert not coloured.replayed and "\x1b[" in coloured.stdout
    plain = armlint("infra/vm.json", cwd=project, env=dict(env, NO_COLOR="1"))
    assert not plain.replayed and plain.output == first.output
    other_cache = armlint("infra/vm.json", cwd=project,
                          env=dict(env, ARMLINT_CACHE_MAX_MB="100"))
    assert not other_cache.replayed


def test_another_working_folder_or_other_arguments_are_not_replayed(project, env):
    first = armlint("infra/vm.json", cwd=project, env=env)
    elsewhere = armlint("vm.json", cwd=project / "infra", env=env)
    assert not elsewhere.replayed and elsewhere.stdout.startswith("vm.json:32:33: AL5001")
    as_json = armlint("infra/vm.json", "-f", "json", cwd=project, env=env)
    assert not as_json.replayed and as_json.stdout.startswith("{")
    assert armlint("infra/vm.json", cwd=project, env=env).output == first.output


def test_a_run_writing_a_file_is_never_replayed(project, env):
    for _ in range(2):
        out = project / "out.sarif"
        out.unlink(missing_ok=True)
        run = armlint("infra/vm.json", "-f", "sarif", "-o", "out.sarif", cwd=project, env=env)
        assert not run.replayed and out.is_file()
    assert not (Path(env["ARMLINT_CACHE_DIR"]) / "replay").exists()


def test_a_terminal_is_not_a_pipe(project, env):
    armlint("infra/vm.json", cwd=project, env=env)
    assert armlint("infra/vm.json", cwd=project, env=env).replayed
    main, terminal = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "armlint", "check", "infra/vm.json"],
                              cwd=project, env=env, stdout=terminal, stderr=subprocess.PIPE)
        os.close(terminal)
        terminal = None
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
        if terminal is not None:
            os.close(terminal)
    assert proc.returncode == 1
    assert b"\x1b[" in shown  # colour on a terminal: linted, not the pipe's replay


def test_a_corrupt_record_is_a_miss_and_is_written_again(project, env):
    first = armlint("infra/vm.json", cwd=project, env=env)
    records = list((Path(env["ARMLINT_CACHE_DIR"]) / "replay").glob("*.json"))
    assert len(records) == 1
    for garbage in (b"{not json", b'{"format": 1}', b"[]", records[0].read_bytes()[:-40]):
        records[0].write_bytes(garbage)
        again = armlint("infra/vm.json", cwd=project, env=env)
        assert not again.replayed and again.output == first.output
        assert armlint("infra/vm.json", cwd=project, env=env).replayed


def test_concurrent_runs_agree(project, env):
    def run(_):
        return armlint("infra/vm.json", cwd=project, env=env)

    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(run, range(4)))
    assert len({r.output for r in runs}) == 1
    again = run(0)
    assert again.replayed and again.output == runs[0].output
    folder = Path(env["ARMLINT_CACHE_DIR"]) / "replay"
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".json")] == []


def test_the_caches_turned_off_mean_no_record(project, env):
    armlint("infra/vm.json", "--no-cache", cwd=project, env=env)
    armlint("infra/vm.json", cwd=project, env=dict(env, ARMLINT_NO_CACHE="1"))
    assert not (Path(env["ARMLINT_CACHE_DIR"]) / "replay").exists()
    armlint("infra/vm.json", cwd=project, env=env)
    assert not armlint("infra/vm.json", cwd=project, env=dict(env, ARMLINT_NO_CACHE="1")).replayed
