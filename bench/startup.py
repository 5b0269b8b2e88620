"""Start-up of the pre-commit case: one small ARM template and one small .bicep file end to end,
served from the result cache and without it, against `python -c pass` (the floor).

Usage: python bench/startup.py [--python EXE]... [--repeat N]

Each --python is an interpreter with armlint installed (an editable install and a regular one
measure differently: the editable finder is imported at start-up); the default is the one running
this script. Every run is a fresh process (`EXE -m armlint check FILE`, text output, bytecode
written) in a temp folder holding the two files, with ARMLINT_CACHE_DIR in a temp folder; the
cached runs follow one run that wrote the entry. Prints the median wall and median CPU (user +
system, from wait4) of --repeat runs, and the load average beside them: on a shared machine wall
time says more about the neighbours than about armlint, CPU time less.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perf import EXAMPLE, SMALL_BICEP  # bench/ is the script's folder, first on sys.path


def run(cmd: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def medians(cmd: list[str], cwd: Path, env: dict, repeat: int) -> str:
    runs = [run(cmd, cwd, env) for _ in range(repeat)]
    wall = statistics.median(r[0] for r in runs) * 1000
    cpu = statistics.median(r[1] for r in runs) * 1000
    return f"{wall:6.0f} ms wall {cpu:6.0f} ms CPU  (load {os.getloadavg()[0]:.2f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", action="append", help="an interpreter with armlint installed")
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("ARMLINT_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="armlint-startup-") as tmp:
        small = Path(tmp) / "small"
        small.mkdir()
        shutil.copy(EXAMPLE, small / "arm.json")
        (small / "storage.bicep").write_text(SMALL_BICEP, encoding="utf-8")
        env["ARMLINT_CACHE_DIR"] = str(Path(tmp) / "cache")
        for exe in args.python or [sys.executable]:
            print(exe)
            print(f"  {'python -c pass':<24}", medians([exe, "-c", "pass"], small, env,
                                                        args.repeat), flush=True)
            for name in ("arm.json", "storage.bicep"):
                for label, extra in (("cached", []), ("no cache", ["--no-cache"])):
                    cmd = [exe, "-m", "armlint", "check", *extra, name]
                    run(cmd, small, env)  # bytecode and the cache entry written
                    print(f"  {name + ' ' + label:<24}", medians(cmd, small, env, args.repeat),
                          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
