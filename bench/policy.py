"""Benchmark the Azure Policy checker: compiling the built-ins, and what --policy costs a run.

Usage: python bench/policy.py [--corpus ../shared/corpus] [--repeat 5]

Measures (medians of --repeat; a fresh process for end to end, bytecode cached):
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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def compile_all(cache_dir: str, use_cache: bool) -> tuple[float, int]:
    """Seconds to get the builtin:all policy set in a fresh process, and its size."""
    env = dict(os.environ, XDG_CACHE_HOME=cache_dir)
    if not use_cache:
        env["ARMLINT_NO_CACHE"] = "1"
    code = ("import time; s=time.perf_counter(); from armlint import policy; "
            "p=policy.load(['builtin:all']); "
            "[a.compiled for a in p.entries] if %r else None; "
            "print(time.perf_counter()-s, len(p.entries))" % (not use_cache))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         cwd=REPO, check=True).stdout.split()
    return float(out[0]), int(out[1])


def command(args: list[str], repeat: int, cache_dir: str) -> float:
    env = dict(os.environ, XDG_CACHE_HOME=cache_dir)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    exe = [sys.executable, "-m", "armlint"]
    subprocess.run(exe + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(exe + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
        print(f"Built-in definitions (builtin:all, {count} applied units):")
        print(f"  read and compile all, no cache:  {cold:6.3f} s")
        print(f"  load from the cache:             {warm:6.3f} s  ({cold / warm:.0f}x faster)")
        example = REPO / "examples" / "vm-agent-disabled.json"
        base = ["check", str(example), "--no-config"]
        one = command(base, args.repeat, cache)
        one_p = command(base + ["--policy", "builtin:MCSB"], args.repeat, cache)
        print("End to end (fresh process, median):")
        print(f"  one file:                        {one:6.3f} s")
        print(f"  one file, --policy builtin:MCSB: {one_p:6.3f} s  ({one_p / one:.2f}x)")
        if (corpus / "manifest.tsv").exists():
            runs = max(1, args.repeat // 2)
            full = ["check", str(corpus), "--no-config"]
            c = command(full, runs, cache)
            c_p = command(full + ["--policy", "builtin:MCSB"], runs, cache)
            c_g = command(full + ["--policy", "builtin:MCSB", "--policy",
                                  "builtin:Enforce-Guardrails-*"], runs, cache)
            print(f"  corpus:                          {c:6.3f} s")
            print(f"  corpus, --policy builtin:MCSB:   {c_p:6.3f} s  ({c_p / c:.2f}x)")
            print(f"  corpus, MCSB + ALZ guardrails:   {c_g:6.3f} s  ({c_g / c:.2f}x)")
        else:
            print(f"  (no corpus at {corpus}: corpus runs skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
