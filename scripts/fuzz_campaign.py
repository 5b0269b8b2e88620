"""The long local fuzz campaign: each property of tests/fuzz/test_properties.py with many more
examples than CI runs, two at a time, and a summary of how many inputs each tried and what it
found. Usage: python scripts/fuzz_campaign.py [--scale 1.0] [--jobs 2]  (scale 1.0 is 1,000,000
inputs in all, weighted towards the fast properties; it takes about half an hour on two cores)."""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WEIGHTS = {  # examples per property at scale 1.0 (the fast readers get more)
    "test_jsonc_reader": 300_000,
    "test_bicep_parser": 250_000,
    "test_expression_parser": 200_000,
    "test_templates_lint": 50_000,
    "test_bicep_lints": 60_000,
    "test_bicepparam_lints": 60_000,
    "test_configuration_files": 40_000,
    "test_rule_files": 40_000,
}


def run(name: str, examples: int) -> tuple[str, int, float, str]:
    env = dict(os.environ, ARMLINT_FUZZ_EXAMPLES=str(examples),
               XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME", "/tmp/armlint-fuzz-cache"))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           f"tests/fuzz/test_properties.py::{name}"], cwd=REPO, env=env,
                          capture_output=True, text=True)
    took = time.perf_counter() - start
    if proc.returncode == 0:
        return name, examples, took, "nothing found"
    found = re.findall(r"^E +(.*)$", proc.stdout, re.MULTILINE)
    case = re.search(r"Falsifying example:.*?\n\)", proc.stdout, re.DOTALL)
    return name, examples, took, "FOUND: " + " | ".join(found[:3]) + \
        ("\n" + case.group() if case else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    plan = [(name, max(1, int(count * args.scale))) for name, count in WEIGHTS.items()]
    total = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for done in as_completed([pool.submit(run, *p) for p in plan]):
            name, examples, took, outcome = done.result()
            total += examples
            print(f"{name:28} {examples:>9,} inputs {took:8.0f} s  {outcome}", flush=True)
    print(f"total: {total:,} inputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
