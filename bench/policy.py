"""Benchmark the Azure Policy checker: compiling the built-ins, and what --policy costs a run.

Usage: python bench/policy.py [--corpus ../shared/corpus] [--repeat 5]

Measures (medians of --repeat; a fresh process for end to end, bytecode cached). Each figure is
CPU time (user+sys of the process and its children, resource.getrusage), which the other jobs on a
shared machine barely move; wall time and the load average are printed next to it:
  compile    every Azure built-in definition (builtin:all) read from the bundled tables and
             compiled, in-process, without the policy cache; then loading the same set from the
             cache (a JSON snapshot; definitions compile when a resource needs them)
  one file   `armlint check <one template>` without and with --policy builtin:MCSB (cache warm)
  corpus     `armlint check <corpus>` without and with --policy builtin:MCSB, and with MCSB and
             the ALZ Enforce-Guardrails-* initiatives
The issue's budgets: one file and the corpus with MCSB at most 2x the run without policies.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def compile_all(cache_dir: str, use_cache: bool) -> tuple[float, int]:
    """CPU seconds to get the builtin:all policy set in a fresh process, and its size."""
    env = dict(os.environ, XDG_CACHE_HOME=cache_dir)
    if not use_cache:
        env["ARMLINT_NO_CACHE"] = "1"
    code = ("import time; s=time.process_time(); from armlint import policy; "
            "p=policy.load(['builtin:all']); "
            "[a.compiled for a in p.entries] if %r else None; "
            "print(time.process_time()-s, len(p.entries))" % (not use_cache))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         cwd=REPO, check=True).stdout.split()
    return float(out[0]), int(out[1])


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command(args: list[str], repeat: int, cache_dir: str) -> tuple[float, float]:
    """Median CPU seconds (user+sys) and median wall seconds of `armlint <args>`."""
    env = dict(os.environ, XDG_CACHE_HOME=cache_dir)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    exe = [sys.executable, "-m", "armlint"]
    subprocess.run(exe + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cpu, wall = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _children_cpu()
        subprocess.run(exe + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - start_cpu)
    return statistics.median(cpu), statistics.median(wall)


def _line(label: str, figure: tuple[float, float], base: tuple[float, float] | None = None) -> str:
    ratio = f"  ({figure[0] / base[0]:.2f}x CPU)" if base else ""
    return f"  {label:<33}{figure[0]:7.3f} s CPU  {figure[1]:7.3f} s wall{ratio}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    with tempfile.TemporaryDirectory() as cache:
        cold = statistics.median(compile_all(cache, False)[0] for _ in range(args.repeat))
        compile_all(cache, True)  # writes the cache
        warm, count = compile_all(cache, True)
        warm = statistics.median([warm] + [compile_all(cache, True)[0]
                                           for _ in range(args.repeat - 1)])
        print(f"load average before: {os.getloadavg()}")
        print(f"Built-in definitions (builtin:all, {count} applied units), CPU in the process:")
        print(f"  read and compile all, no cache:  {cold:6.3f} s")
        print(f"  load from the cache:             {warm:6.3f} s  ({cold / warm:.0f}x faster)")
        example = REPO / "examples" / "vm-agent-disabled.json"
        base = ["check", str(example), "--no-config"]
        one = command(base, args.repeat, cache)
        one_p = command(base + ["--policy", "builtin:MCSB"], args.repeat, cache)
        print("End to end (fresh process, median):")
        print(_line("one file:", one))
        print(_line("one file, --policy builtin:MCSB:", one_p, one))
        if (corpus / "manifest.tsv").exists():
            runs = max(1, args.repeat // 2)
            full = ["check", str(corpus), "--no-config"]
            c = command(full, runs, cache)
            c_p = command(full + ["--policy", "builtin:MCSB"], runs, cache)
            c_g = command(full + ["--policy", "builtin:MCSB", "--policy",
                                  "builtin:Enforce-Guardrails-*"], runs, cache)
            print(_line("corpus:", c))
            print(_line("corpus, --policy builtin:MCSB:", c_p, c))
            print(_line("corpus, MCSB + ALZ guardrails:", c_g, c))
        else:
            print(f"  (no corpus at {corpus}: corpus runs skipped)")
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
