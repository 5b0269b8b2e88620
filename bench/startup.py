"""Start-up of the pre-commit case: one small ARM template and one small .bicep file end to end,
replayed (the same command run again), served from the result cache and without it, against
`python -c pass` (the floor).

Usage: python bench/startup.py [--python EXE]... [--repeat N] [--callgrind]

Each --python is an interpreter with armlint installed (an editable install and a regular one
measure differently: the editable finder is imported at start-up); the default is the one running
this script. Every run is a fresh process (`EXE -m armlint check FILE`, text output, bytecode
written) in a temp folder holding the two files, with ARMLINT_CACHE_DIR in a temp folder:

  replay     the same command again: its stored output printed (replay.py), nothing linted
  cache hit  the replay records removed before each run: each file's result from the result
             cache (and a replay record written, as a user's run does)
  no cache   --no-cache: everything linted, nothing read from or written to a cache

Besides `python -c pass`, `python -m` of an empty module is the floor of `python -m armlint`
(runpy and what it imports: about 29 M instructions), and the replay is also measured through
the `armlint` console script beside the interpreter (pip's script imports `re`).

Prints the median wall and median CPU (user + system, from wait4) of --repeat runs, and the load
average beside them: on a shared machine wall time says more about the neighbours than about
armlint, CPU time less. --callgrind runs each case once under `valgrind --tool=callgrind` instead
and prints the instructions it counted (independent of the load; Python's start-up included).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perf import EXAMPLE, SMALL_BICEP  # bench/ is the script's folder, first on sys.path


def run(cmd: list[str], cwd: Path, env: dict, before=None) -> tuple[float, float]:
    if before:
        before()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def medians(cmd: list[str], cwd: Path, env: dict, repeat: int, before=None) -> str:
    runs = [run(cmd, cwd, env, before) for _ in range(repeat)]
    wall = statistics.median(r[0] for r in runs) * 1000
    cpu = statistics.median(r[1] for r in runs) * 1000
    return f"{wall:6.0f} ms wall {cpu:6.0f} ms CPU  (load {os.getloadavg()[0]:.2f})"


def instructions(cmd: list[str], cwd: Path, env: dict, before=None) -> str:
    if before:
        before()
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           *cmd], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if not found:
        return "callgrind gave no count: " + proc.stderr[-300:]
    return f"{int(found.group(1)) / 1e6:8.1f} M instructions"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", action="append", help="an interpreter with armlint installed")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--callgrind", action="store_true",
                    help="count instructions with valgrind (one run per case) instead of timing")
    args = ap.parse_args()
    env = dict(os.environ)
    for name in ("ARMLINT_NO_CACHE", "PYTHONDONTWRITEBYTECODE", "NO_COLOR", "FORCE_COLOR"):
        env.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="armlint-startup-") as tmp:
        small = Path(tmp) / "small"
        small.mkdir()
        shutil.copy(EXAMPLE, small / "arm.json")
        (small / "storage.bicep").write_text(SMALL_BICEP, encoding="utf-8")
        (small / "armlint_startup_empty.py").write_text("", encoding="utf-8")
        past = time.time() - 3600  # an input written a moment ago is not replayed (replay.py)
        for name in ("arm.json", "storage.bicep"):
            os.utime(small / name, (past, past))
        cache = Path(tmp) / "cache"
        env["ARMLINT_CACHE_DIR"] = str(cache)

        def forget_replays():
            shutil.rmtree(cache / "replay", ignore_errors=True)

        for exe in args.python or [sys.executable]:
            print(exe)

            def measure(cmd, before=None):
                if args.callgrind:
                    return instructions(cmd, small, env, before)
                return medians(cmd, small, env, args.repeat, before)

            print(f"  {'python -c pass':<24}", measure([exe, "-c", "pass"]), flush=True)
            # `-m` itself (runpy, importlib.util...): the floor of `python -m armlint`
            print(f"  {'python -m (empty)':<24}", measure([exe, "-m", "armlint_startup_empty"]),
                  flush=True)
            script = Path(exe).parent / "armlint"
            for name in ("arm.json", "storage.bicep"):
                cmd = [exe, "-m", "armlint", "check", name]
                for label, extra, before in (("replay", [], None),
                                             ("cache hit", [], forget_replays),
                                             ("no cache", ["--no-cache"], None)):
                    run(cmd[:4] + extra + cmd[4:], small, env)  # bytecode, cache entry, record
                    print(f"  {name + ' ' + label:<24}",
                          measure(cmd[:4] + extra + cmd[4:], before), flush=True)
                if script.is_file():  # the console script (pre-commit's entry: `armlint check`)
                    run([str(script), "check", name], small, env)  # its own record written
                    print(f"  {name + ' replay, script':<24}",
                          measure([str(script), "check", name]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
