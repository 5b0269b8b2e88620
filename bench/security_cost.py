"""What the security pack (AL6101-AL6799, issue 10) costs on the corpus benchmark.

Usage: python bench/security_cost.py [--corpus ../shared/corpus] [--repeat 3]

Runs `armlint check CORPUS --jobs 1 --no-config` in a fresh process with every default rule, and
again with the pack's rules ignored (`--ignore AL61,...,AL67`: the older AL6001-AL6005 stay),
alternating the two so both see the same machine state, and prints each run's CPU time (user+sys
of the child, from getrusage) and the minimum of each, and their ratio. CPU time, not wall time:
the machine is shared. The budget is at most 30% more with the pack.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACK = "AL61,AL62,AL63,AL64,AL65,AL66,AL67"


def cpu_of(cmd: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    base = [sys.executable, "-m", "armlint", "check", args.corpus, "--jobs", "1", "--no-config",
            "--no-progress", "--format", "json", "--output", os.devnull]
    runs: dict[str, list[float]] = {"with pack": [], "without pack": []}
    cpu_of(base + ["--select", "AL0001"])  # warm the rule catalogue cache and bytecode
    for _ in range(args.repeat):
        runs["with pack"].append(cpu_of(base))
        runs["without pack"].append(cpu_of(base + ["--ignore", PACK]))
    for name, times in runs.items():
        print(f"{name:13} min {min(times):7.2f} s CPU   runs " + " ".join(f"{t:.2f}" for t in times))
    ratio = min(runs["with pack"]) / min(runs["without pack"])
    print(f"ratio {ratio:.3f} (+{100 * (ratio - 1):.1f}%)   load: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
