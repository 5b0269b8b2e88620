"""Benchmark the runner: memory per file, and a parallel corpus run's CPU time and peak memory.

Usage: python bench/runner.py [--corpus ../shared/corpus] [--jobs 2] [--files 8] [--vms 200]

  growth   lint --files generated templates of --vms VMs each in one process and print the
           resident memory after each file: it must stay flat (memory is released per file)
  corpus   `armlint check <corpus> -j N --format json -o <tmp>` in a fresh process: wall and CPU
           time (user + system, the parent and its workers) and the peak resident memory of the
           parent and of each worker, read from /proc while it runs (Linux)
CPU time is the figure to compare on a busy machine; wall time moves with the load.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _rss_mb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def growth(files: int, vms: int) -> list[int]:
    from armlint.api import Linter, LintOptions
    from armlint.discover import Candidate
    from armlint.engine.loader import load_catalogue
    from armlint.runner import lint_all
    example = json.loads((REPO / "examples" / "vm-agent-disabled.json").read_text())
    vm = example["resources"][0]
    seen: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        for j in range(files):
            template = dict(example, resources=[dict(vm, name=f"vm{j}-{i}") for i in range(vms)])
            (Path(folder) / f"t{j}.json").write_text(json.dumps(template))
        linter = Linter(load_catalogue(), LintOptions(use_config=False))
        candidates = [Candidate(p, True) for p in sorted(Path(folder).iterdir())]
        lint_all(linter, candidates, 1, lambda done, total: seen.append(_rss_mb()))
    return seen


def _children(pid: int) -> list[int]:
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


def corpus_run(corpus: Path, jobs: int) -> tuple[float, float, int, list[int]]:
    out = Path(tempfile.mkdtemp()) / "out.json"
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "armlint", "check", str(corpus), f"-j{jobs}",
                             "--format", "json", "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak: dict[int, int] = {}
    while proc.poll() is None:
        for pid in [proc.pid] + _children(proc.pid):
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM"):
                        peak[pid] = int(line.split()[1]) // 1024
            except OSError:
                pass
        time.sleep(0.2)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + \
        (after.children_system - before.children_system)
    out.unlink(missing_ok=True)
    return wall, cpu, peak.get(proc.pid, 0), sorted(v for k, v in peak.items() if k != proc.pid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--vms", type=int, default=200)
    args = parser.parse_args()
    print(f"growth: resident MB after each of {args.files} templates of {args.vms} VMs:",
          growth(args.files, args.vms))
    corpus = Path(args.corpus)
    if not corpus.is_dir() or not Path("/proc/self/status").exists():
        print(f"corpus: skipped (no corpus at {corpus}, or no /proc)")
        return 0
    wall, cpu, parent, workers = corpus_run(corpus, args.jobs)
    print(f"corpus -j{args.jobs}: wall {wall:.2f} s, CPU {cpu:.2f} s; peak resident MB: parent "
          f"{parent}, workers {workers}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
