"""The result cache's second run against its first, both ways a user runs it: the report on
standard output redirected to a file (the kind of run that may be recorded for replay) and the
report written with -o (never recorded).

Usage: python bench/cache_hit.py [--python EXE] [--corpus ../shared/corpus] [--jobs 1]
                                 [--repeat N] [--kind stdout|output|both] [--check]

Each kind runs `armlint check CORPUS -f json --jobs J` (the `armlint` console script beside EXE;
an installed armlint: an editable install imports its finder at start-up) in a fresh process:
with ARMLINT_CACHE_DIR in an empty temp folder, the rule catalogue's cache made first (a run of
one small file with --no-cache), then the first run (empty result cache) and --repeat second
runs (unchanged corpus). Prints wall and CPU (user + system of the process and its workers, from
wait4) of each, the ratio second/first (the median second), and the load average beside them:
on a shared machine wall time says more about the neighbours than about armlint. --check also
runs --no-cache and compares the reports byte for byte (each cached run's against it).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "vm-agent-enabled.json"


def run(cmd: list[str], env: dict, out_path: Path) -> tuple[float, float, int]:
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--jobs", default="1")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kind", choices=("stdout", "output", "both"), default="both")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    script = Path(args.python).parent / "armlint"
    corpus = str(args.corpus.resolve())
    env = dict(os.environ)
    for name in ("ARMLINT_NO_CACHE", "PYTHONDONTWRITEBYTECODE", "XDG_CACHE_HOME"):
        env.pop(name, None)
    kinds = ("stdout", "output") if args.kind == "both" else (args.kind,)
    print(f"armlint {script}; corpus {corpus}; --jobs {args.jobs}; load {load()}", flush=True)
    failed = False
    with tempfile.TemporaryDirectory(prefix="armlint-cache-hit-") as tmp:
        tmp_path = Path(tmp)
        base = [str(script), "check", corpus, "-f", "json", "--jobs", args.jobs]
        reference = None
        if args.check:
            reference = tmp_path / "no-cache.json"
            cold = dict(env, ARMLINT_CACHE_DIR=str(tmp_path / "cold"))
            wall, cpu, code = run(base + ["--no-cache"], cold, reference)
            print(f"  --no-cache: {wall:.2f} s wall, {cpu:.2f} s CPU, exit {code} "
                  f"(load {load()})", flush=True)
        for kind in kinds:
            cache_env = dict(env, ARMLINT_CACHE_DIR=str(tmp_path / f"cache-{kind}"))
            run([str(script), "check", "--no-cache", str(EXAMPLE)], cache_env,
                tmp_path / "warm.txt")  # the catalogue cache made
            out = tmp_path / f"{kind}.json"
            cmd = base + (["-o", str(out)] if kind == "output" else [])
            target = tmp_path / "stdout.txt" if kind == "output" else out
            first = run(cmd, cache_env, target)
            print(f"  {kind} first:  {first[0]:.2f} s wall, {first[1]:.2f} s CPU, exit "
                  f"{first[2]} (load {load()})", flush=True)
            failed |= _differs(reference, out, "first")
            seconds = []
            for _ in range(args.repeat):
                second = run(cmd, cache_env, target)
                seconds.append(second)
                print(f"  {kind} second: {second[0]:.2f} s wall, {second[1]:.2f} s CPU, exit "
                      f"{second[2]} (load {load()})", flush=True)
                failed |= _differs(reference, out, "second")
            wall = statistics.median(s[0] for s in seconds)
            cpu = statistics.median(s[1] for s in seconds)
            print(f"{kind}: second/first {100 * wall / first[0]:.1f}% wall "
                  f"({wall:.2f}/{first[0]:.2f} s), {100 * cpu / first[1]:.1f}% CPU "
                  f"({cpu:.2f}/{first[1]:.2f} s); load {load()}", flush=True)
    return 1 if failed else 0


def _differs(reference: Path | None, out: Path, which: str) -> bool:
    if reference is None:
        return False
    if reference.read_bytes() != out.read_bytes():
        print(f"  the {which} run's report differs from --no-cache's", flush=True)
        return True
    return False


if __name__ == "__main__":
    sys.exit(main())
