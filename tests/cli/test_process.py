"""Process and file handling: signals end the run and its workers, outputs are written whole and
never over an input, a worker that dies costs one file, not the run."""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

EXAMPLE = json.loads((REPO / "examples" / "vm-agent-disabled.json").read_text())


def slow_project(root: Path, files: int = 60, vms: int = 40) -> None:
    """Enough work for a run of several seconds with --jobs 2: many VMs per file."""
    vm = EXAMPLE["resources"][0]
    template = dict(EXAMPLE, resources=[dict(vm, name=f"vm{i}") for i in range(vms)])
    text = json.dumps(template)
    for j in range(files):
        (root / f"t{j:03}.json").write_text(text)


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


def wait_until(check, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.05)
    return check()


def handles_sigterm(pid: int) -> bool:
    """Whether the process has installed the CLI's handlers (Python catches SIGINT from start-up,
    SIGTERM only once armlint asks for it): on a loaded machine start-up alone can take seconds."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(int(line.split()[1], 16) for line in status.splitlines()
                  if line.startswith("SigCgt:"))
    return bool(caught & (1 << (signal.SIGTERM - 1)))


def start_run(root: Path, *args: str) -> tuple[subprocess.Popen, list[int]]:
    proc = subprocess.Popen([sys.executable, "-m", "armlint", "check", ".", "--no-config",
                             "-f", "json", "-o", "out.json", *args], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    workers: list[int] = []
    assert wait_until(lambda: handles_sigterm(proc.pid), 60), "the run did not start"
    if "1" not in args:
        assert wait_until(lambda: len(children(proc.pid)) >= 2, 60), "no workers started"
        workers = children(proc.pid)
    time.sleep(0.5)  # in the middle of linting
    assert proc.poll() is None, "the run ended before the test could stop it"
    return proc, workers


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("how, sig, code", [
    ("group", signal.SIGINT, 130),  # Ctrl-C: the terminal signals the whole process group
    ("main", signal.SIGTERM, 143),  # a CI runner cancelling the job signals the main process
    ("group", signal.SIGTERM, 143),
])
def test_a_signal_ends_the_run_and_its_workers_promptly(tmp_path, how, sig, code):
    slow_project(tmp_path)
    proc, workers = start_run(tmp_path, "--jobs", "2")
    stopped = time.monotonic()
    if how == "group":
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    out, err = proc.communicate(timeout=20)
    assert time.monotonic() - stopped < 10
    assert proc.returncode == code, err
    assert "Traceback" not in err and ("interrupted" if code == 130 else "terminated") in err
    assert wait_until(lambda: not any(alive(w) for w in workers), 5), "a worker outlived the run"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("t")) == []


def read_stderr_until(proc: subprocess.Popen, marker: str, timeout: float) -> str:
    """What the run wrote to stderr up to `marker` (empty when it never came)."""
    fd, seen = proc.stderr.fileno(), b""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            seen += chunk
            if marker.encode() in seen:
                return seen.decode()
    return ""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_a_serial_run_stops_on_sigint_with_130(tmp_path):
    # Stopped once the progress bar shows a file linted (a fixed sleep lost the race under load:
    # the signal came before armlint had started and the exit was Python's own).
    slow_project(tmp_path, files=300, vms=20)
    proc = subprocess.Popen([sys.executable, "-m", "armlint", "check", ".", "--no-config",
                             "-f", "json", "-o", "out.json", "--jobs", "1", "--progress"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    before = read_stderr_until(proc, "linting [", 120)
    assert before, "the run never reported progress"
    assert proc.poll() is None, "the run ended before the test could stop it"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    err = before + err.decode()
    assert proc.returncode == 130 and "Traceback" not in err and "interrupted" in err
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("t")) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_do_not_outlive_a_killed_parent(tmp_path):
    slow_project(tmp_path)
    proc, workers = start_run(tmp_path, "--jobs", "2")
    os.kill(proc.pid, signal.SIGKILL)  # no handler runs: the workers see their pipe close
    proc.communicate(timeout=20)
    assert wait_until(lambda: not any(alive(w) for w in workers), 30), "orphaned workers"


def test_a_worker_that_dies_costs_its_file_only(catalogue, tmp_path, monkeypatch):
    from armlint.api import Linter, LintOptions
    from armlint.discover import discover
    from armlint.runner import lint_all
    for i in range(60):
        (tmp_path / f"t{i:02}.json").write_text(json.dumps(EXAMPLE))
    linter = Linter(catalogue, LintOptions(select=["AL5001", "AL0003"], use_config=False),
                    root=tmp_path)
    lint_file = linter.lint_file

    def fatal_on_t13(path, explicit=True):
        if path.name == "t13.json":
            os.kill(os.getpid(), signal.SIGKILL)  # in the worker: as the kernel's OOM killer does
        return lint_file(path, explicit)
    monkeypatch.setattr(linter, "lint_file", fatal_on_t13)
    candidates = discover([str(tmp_path)])
    results = lint_all(linter, candidates, jobs=2)
    assert [r.path for r in results] == [f"t{i:02}.json" for i in range(60)]
    assert [(f.rule_id, f.message) for f in results[13].findings] == [
        ("AL0003", "armlint failed on this file: the worker process linting it was killed by "
                   "signal 9 (out of memory?); please report this")]
    assert all([f.rule_id for f in r.findings] == ["AL5001"] for i, r in enumerate(results)
               if i != 13)


def test_big_files_go_first_then_runs_of_neighbours_that_shrink(tmp_path, monkeypatch):
    from armlint import runner
    from armlint.discover import Candidate
    monkeypatch.setattr(runner, "MIN_RUN_BYTES", 1)
    sizes = [1000] * 40 + [200_000] + [1000] * 40 + [30_000]
    candidates = []
    for i, size in enumerate(sizes):
        (tmp_path / f"f{i:02}.json").write_text("x" * size)
        candidates.append(Candidate(tmp_path / f"f{i:02}.json", True))
    candidates.append(Candidate(tmp_path / "gone.json", True))
    queue = runner.WorkQueue(candidates, jobs=2)
    runs = []
    while queue:
        runs.append(queue.take())
    assert runs[0] == [40]  # bigger than a share of the whole: first, on its own
    rest = [i for run in runs[1:] for i in run]
    assert rest == [i for i in range(len(candidates)) if i != 40]  # neighbours stay together
    lengths = [len(run) for run in runs[1:] if 81 not in run]
    assert lengths == sorted(lengths, reverse=True) and lengths[0] > 1 and lengths[-1] == 1
    # what a dead worker had is handed out again first
    queue = runner.WorkQueue(candidates, jobs=2)
    queue.take()
    second = queue.take()
    queue.give_back(second[1:])
    assert queue.take()[:len(second) - 1] == second[1:]


# --- outputs ---------------------------------------------------------------------------------

def run(*args, cwd: Path):
    proc = subprocess.run([sys.executable, "-m", "armlint", *args], capture_output=True, text=True,
                          cwd=cwd)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def project(tmp_path):
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "vm.json").write_text(json.dumps(EXAMPLE, indent=2))
    return tmp_path


@pytest.mark.parametrize("args", [
    ("infra/vm.json", "-f", "json", "-o", "infra/vm.json"),  # the file named
    ("infra", "-f", "sarif", "-o", "infra/vm.json"),  # a file found in the folder
    ("infra", "-f", "json", "-o", "./infra/../infra/vm.json"),
    ("infra", "--write-baseline", "infra/vm.json"),
    ("infra", "--parameters", "p.json", "-o", "p.json"),
    ("infra", "--baseline", "b.sarif", "-f", "sarif", "-o", "b.sarif"),
])
def test_an_output_that_is_an_input_is_refused(project, args):
    params = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                         "deploymentParameters.json#", "contentVersion": "1.0.0.0",
              "parameters": {"location": {"value": "westeurope"}}}
    (project / "p.json").write_text(json.dumps(params))
    run("check", "infra", "--write-baseline", "b.sarif", cwd=project)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    proc = run("check", *args, cwd=project)
    assert proc.returncode == 2
    assert "armlint never writes to its inputs" in proc.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_an_output_inside_a_linted_folder_that_is_not_linted_is_fine(project):
    # a previous report in the scanned folder is not a template: it is skipped, and replaced
    assert run("check", "infra", "-f", "json", "-o", "infra/report.json", cwd=project).returncode == 1
    proc = run("check", "infra", "-f", "json", "-o", "infra/report.json", cwd=project)
    assert proc.returncode == 1 and "(1 skipped)" in proc.stderr
    assert len(json.loads((project / "infra" / "report.json").read_text())["findings"]) == 4


def test_outputs_are_replaced_whole_and_keep_their_mode(project):
    out = project / "out.sarif"
    out.write_text("previous report")
    out.chmod(0o640)
    link = project / "link.sarif"
    link.symlink_to(out)
    assert run("check", "infra", "-f", "sarif", "-o", "link.sarif", cwd=project).returncode == 1
    assert link.is_symlink() and json.loads(out.read_text())["version"] == "2.1.0"
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in project.iterdir()) == ["infra", "link.sarif", "out.sarif"]


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path, monkeypatch):
    from armlint import output
    target = tmp_path / "report.json"
    target.write_text("previous")

    def full_disk(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(output.os, "fsync", full_disk)
    with pytest.raises(OSError):
        output.write_atomic(target, "new report")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_report_given_in_pieces_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    """A reporter that encodes as it goes hands write_atomic pieces: they are written in
    batches, and one that fails half-way leaves the previous report."""
    from armlint import output
    assert list(output.batched(["ab", "c", "de", "f"], size=3)) == ["abc", "def"]
    assert list(output.batched("whole", size=1)) == ["whole"]
    target = tmp_path / "report.json"
    output.write_atomic(target, iter(["{", '"a": ', "1", "}\n"]))
    assert target.read_text() == '{"a": 1}\n'

    def failing():
        yield "half"
        raise RuntimeError("a reporter failed")
    with pytest.raises(RuntimeError):
        output.write_atomic(target, failing())
    assert target.read_text() == '{"a": 1}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_an_output_that_is_not_a_regular_file_is_written_as_it_is(project):
    proc = run("check", "infra", "-f", "sarif", "-o", "/dev/null", "-f", "text", cwd=project)
    assert proc.returncode == 1 and "AL5001" in proc.stdout
    os.mkfifo(project / "pipe")
    reader = subprocess.Popen(["cat", str(project / "pipe")], stdout=subprocess.PIPE, text=True)
    assert run("check", "infra", "-f", "json", "-o", "pipe", cwd=project).returncode == 1
    assert len(json.loads(reader.communicate(timeout=20)[0])["findings"]) == 4


def test_parallel_reports_equal_serial_ones_when_rules_differ_by_file(tmp_path):
    # workers send the IDs of the rules that ran only when they change from the file before
    for i in range(60):
        (tmp_path / ("legacy" if i % 3 == 0 else "infra")).mkdir(exist_ok=True)
        folder = "legacy" if i % 3 == 0 else "infra"
        (tmp_path / folder / f"t{i:02}.json").write_text(json.dumps(EXAMPLE))
    (tmp_path / ".armlint.yaml").write_text(
        "select: [AL5]\noverrides:\n  - files: ['legacy/**']\n    ignore: [AL5002, AL5006]\n")
    outputs = {}
    for jobs in ("1", "2"):
        outputs[jobs] = [run("check", ".", "-j", jobs, "-f", fmt, cwd=tmp_path).stdout
                         for fmt in ("junit", "json", "sarif")]
    assert outputs["1"] == outputs["2"]
    junit = outputs["1"][0]
    assert junit.count('classname="legacy/t00.json"') < junit.count('classname="infra/t01.json"')
