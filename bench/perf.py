"""The figures of issue 12 in one script: throughput, parallel scaling, memory, the result
cache, start-up and linearity, with Checkov side by side when it is on PATH.

Usage: python bench/perf.py [--corpus ../shared/corpus] [--quick] [--repeat N]

Every measurement runs `armlint check` as a user does (a fresh process; bytecode cached), and is
reported as wall time, CPU time (user + system of the process and its workers, from wait4) and
peak resident memory (the largest process). The machine's load average is printed beside them:
on a shared machine wall time says more about the neighbours than about armlint, CPU time less.

  bicep       the corpus's .bicep files (manifest kinds bicep, bicep-test), one process, no cache
  arm         its ARM templates and parameter files, one process, no cache
  corpus j1   the whole corpus folder, --jobs 1, no cache (its peak memory is the memory figure)
  corpus j2   the same with --jobs 2 (the ratio j1/j2 is the parallel speed-up)
  cache 1st   the whole corpus into an empty cache folder (ARMLINT_CACHE_DIR in a temp folder)
  cache 2nd   the same again, unchanged (the ratio 2nd/1st is what the cache saves)
  docs        the docs samples folder (176 small ARM templates), one process, no cache
  small       one small template and one small .bicep file end to end (the pre-commit case):
              the median and minimum of --repeat runs, without the cache and served from it
  scale Nx    N hard-linked copies of a corpus part in a temp folder (1x, 4x, 16x), no cache,
              --jobs 1: the CPU time per copy should stay the same (linear cost)
  checkov     Checkov on the same files (the small template, the docs samples, the bicep and ARM
              files), with the ratios of its CPU and wall time to armlint's: when the CHECKOV
              environment variable names its executable or `checkov` is on PATH (it is not a
              dependency: `python3 -m venv /tmp/venv-checkov && /tmp/venv-checkov/bin/pip install
              checkov`); run offline (--skip-download, BC_SKIP_MAPPING)

Runs use written bytecode (PYTHONDONTWRITEBYTECODE is dropped from their environment): a user's
installed armlint has it. The cache's first run starts with the rule catalogue's cache warm, as
the --no-cache runs do, so that the difference is the result cache's own cost.

--quick takes a sample (every 8th file) for bicep, arm and the cache runs, skips the whole-corpus
--jobs runs, and scales the docs samples only; without it the scale runs use the whole corpus
(16 copies: expect many minutes of CPU).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale import link_tree  # bench/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "vm-agent-enabled.json"
SMALL_BICEP = """\
@description('Where the account is deployed.')
param location string = resourceGroup().location

@minLength(3)
param name string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
  }
}

output id string = account.id
"""


class Run:
    def __init__(self, wall: float, cpu: float, peak_mb: float, code: int):
        self.wall, self.cpu, self.peak_mb, self.code = wall, cpu, peak_mb, code


def measure(cmd: list[str], cwd: Path, env: dict | None = None) -> Run:
    """Run `cmd`, its output thrown away; wall, CPU of it and its children, peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KB on Linux, bytes on macOS
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(wall, usage.ru_utime + usage.ru_stime, peak, proc.returncode)


def armlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "armlint", "check", "--no-config", "--no-progress",
            "-f", "json", "-o", os.devnull, *args]


def manifest(corpus: Path) -> list[list[str]]:
    return [line.split("\t") for line in
            (corpus / "manifest.tsv").read_text(encoding="utf-8").splitlines() if line.strip()]


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


class Table:
    def __init__(self):
        self.rows: list[tuple] = []

    def add(self, name: str, run: Run | None, note: str = "") -> Run | None:
        self.rows.append((name, run, note, load()))
        if run is None:
            print(f"  {name}: {note}", flush=True)
        else:
            print(f"  {name}: {run.wall:.2f} s wall, {run.cpu:.2f} s CPU, {run.peak_mb:.0f} MB"
                  f" {note}", flush=True)
        return run

    def print(self) -> None:
        print()
        print("| measurement | wall s | CPU s | peak MB | load (1/5/15 min) | note |")
        print("| --- | ---: | ---: | ---: | --- | --- |")
        for name, run, note, avg in self.rows:
            if run is None:
                print(f"| {name} | | | | {avg} | {note} |")
            else:
                print(f"| {name} | {run.wall:.2f} | {run.cpu:.2f} | {run.peak_mb:.0f} | {avg} | "
                      f"{note} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--quick", action="store_true", help="a sample of the corpus (see above)")
    ap.add_argument("--repeat", type=int, default=20, help="runs of the small file (minimum)")
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    if not (corpus / "manifest.tsv").is_file():
        print(f"no corpus at {corpus} (give --corpus)", file=sys.stderr)
        return 2
    rows = manifest(corpus)
    step = 8 if args.quick else 1
    bicep = [r[0] for r in rows if r[2] in ("bicep", "bicep-test")][::step]
    arm = [r[0] for r in rows if r[2] in ("arm-template", "arm-parameters")][::step]
    table = Table()
    env = dict(os.environ)
    env.pop("ARMLINT_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # runs read written bytecode, as installs do
    jobs = os.cpu_count() or 1
    print(f"armlint {sys.executable}; corpus {corpus}; load {load()}; "
          f"{'quick' if args.quick else 'full'}", flush=True)
    # bytecode compiled before anything is timed
    measure(armlint("--no-cache", str(EXAMPLE)), REPO, env)

    with tempfile.TemporaryDirectory(prefix="armlint-perf-") as tmp:
        tmp_path = Path(tmp)
        cold = dict(env, ARMLINT_CACHE_DIR=str(tmp_path / "cache-unused"))
        bicep_run = table.add(f"bicep: {len(bicep)} files, one process",
                              measure(armlint("--no-cache", "-j", "1", *bicep), corpus, cold))
        arm_run = table.add(f"arm: {len(arm)} files, one process",
                            measure(armlint("--no-cache", "-j", "1", *arm), corpus, cold))
        docs_dir = corpus / "docs-json-samples"
        docs_run = table.add("docs samples, one process",
                             measure(armlint("--no-cache", "-j", "1", "."), docs_dir, cold)) \
            if docs_dir.is_dir() else None
        targets = ["."] if not args.quick else bicep + arm
        if not args.quick:
            j1 = measure(armlint("--no-cache", "-j", "1", "."), corpus, cold)
            table.add("corpus --jobs 1 (peak memory: whole corpus, one process)", j1)
            j2 = measure(armlint("--no-cache", "-j", "2", "."), corpus, cold)
            table.add("corpus --jobs 2", j2, f"speed-up {j1.wall / j2.wall:.2f}x wall")
        uncached = j2 if not args.quick and jobs == 2 else \
            measure(armlint("--no-cache", "-j", str(jobs), *targets), corpus, cold)
        if args.quick or jobs != 2:
            table.add(f"no cache, --jobs {jobs} (what the first run is compared with)", uncached)
        cached = dict(env, ARMLINT_CACHE_DIR=str(tmp_path / "cache"))
        # the rule catalogue's cache warm, as in the --no-cache runs: the result cache's own cost
        measure(armlint("--no-cache", str(EXAMPLE)), REPO, cached)
        first = measure(armlint("-j", str(jobs), *targets), corpus, cached)
        table.add(f"cache: first run (empty result cache), --jobs {jobs}", first,
                  f"{100 * (first.cpu / uncached.cpu - 1):+.1f}% CPU, "
                  f"{100 * (first.wall / uncached.wall - 1):+.1f}% wall against no cache")
        second = measure(armlint("-j", str(jobs), *targets), corpus, cached)
        table.add("cache: second run, unchanged", second,
                  f"{100 * second.cpu / first.cpu:.1f}% of the first's CPU, "
                  f"{100 * second.wall / first.wall:.1f}% of its wall")

        small = tmp_path / "small"
        small.mkdir()
        shutil.copy(EXAMPLE, small / EXAMPLE.name)
        (small / "storage.bicep").write_text(SMALL_BICEP, encoding="utf-8")
        python = [measure([sys.executable, "-c", "pass"], small, env) for _ in range(args.repeat)]
        table.add(f"python -c pass (the floor; median of {args.repeat})", _median(python),
                  f"median wall {_ms(python, 'wall')}, CPU {_ms(python, 'cpu')}")
        small_runs = {}
        for name in (EXAMPLE.name, "storage.bicep"):
            for label, extra, run_env in (("no cache", ["--no-cache"], cold),
                                          ("cached", [], cached)):
                measure(armlint(*extra, name), small, run_env)  # the cache entry written
                runs = [measure(armlint(*extra, name), small, run_env)
                        for _ in range(args.repeat)]
                small_runs[name, label] = table.add(
                    f"small file {name} end to end, {label} (median of {args.repeat})",
                    _median(runs), f"median wall {_ms(runs, 'wall')}, CPU {_ms(runs, 'cpu')}; "
                                   f"min wall {min(r.wall for r in runs) * 1000:.0f} ms")

        part = corpus / "docs-json-samples" if args.quick else corpus
        # the start-up is paid once per run: the cost of a copy is the difference it makes
        startup = min(measure(armlint("--no-cache", str(EXAMPLE)), REPO, cold).cpu
                      for _ in range(3))
        base = None
        for n in (1, 4, 16):
            folder = tmp_path / f"x{n}"
            for i in range(n):
                link_tree(part, folder / f"copy{i}")
            run = measure(armlint("--no-cache", "-j", "1", "."), folder, cold)
            per_copy = (run.cpu - startup) / n
            base = base or per_copy
            table.add(f"scale {n}x {part.name}", run,
                      f"CPU per copy, start-up ({startup:.2f} s) aside: {per_copy:.2f} s "
                      f"({100 * (per_copy / base - 1):+.1f}% against 1x)")
            shutil.rmtree(folder)

        checkov = os.environ.get("CHECKOV") or shutil.which("checkov")
        if checkov is None:
            table.add("checkov", None, "not installed (set CHECKOV or put checkov on PATH): "
                                       "no side-by-side figures")
        else:
            # offline: no policy download, no guideline mapping from the network
            offline = dict(env, BC_SKIP_MAPPING="TRUE")

            def run_checkov(name: str, framework: str, target: list[str], ours: Run | None):
                run = measure([checkov, *target, "--framework", framework, "--quiet",
                               "--compact", "-o", "json", "--skip-download"], tmp_path, offline)
                note = "" if ours is None else (
                    f"{run.cpu / ours.cpu:.1f}x armlint's CPU, {run.wall / ours.wall:.1f}x its "
                    f"wall, {run.peak_mb / ours.peak_mb:.1f}x its memory")
                table.add(f"checkov: {name}", run, note)

            run_checkov(f"small file {EXAMPLE.name}", "arm", ["-f", str(small / EXAMPLE.name)],
                        small_runs[EXAMPLE.name, "no cache"])
            if docs_run is not None:
                run_checkov("docs samples", "arm", ["-d", str(docs_dir)], docs_run)
            for label, files, ours in (("bicep", bicep, bicep_run), ("arm", arm, arm_run)):
                folder = tmp_path / f"checkov-{label}"
                for f in files:
                    target = folder / f
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.link(corpus / f, target)
                run_checkov(f"{label} ({len(files)} files)", "bicep" if label == "bicep" else
                            "arm", ["-d", str(folder)], ours)
    table.print()
    return 0


def _median(runs: list[Run]) -> Run:
    """The run of median CPU time."""
    return sorted(runs, key=lambda r: r.cpu)[len(runs) // 2]


def _ms(runs: list[Run], what: str) -> str:
    values = sorted(getattr(r, what) for r in runs)
    return f"{values[len(values) // 2] * 1000:.0f} ms"


if __name__ == "__main__":
    sys.exit(main())
