"""CPU time and peak memory of linting the corpus in one process, the figures throughput work is
judged by (CPU time moves far less than wall time with the load of a shared machine).

Usage: python bench/cpu.py [--corpus ../shared/corpus] [--set arm|bicep|all] [--every N]
                           [--jobs N] [--profile FILE] [--findings FILE]

  --set      arm: the ARM templates and parameter files of manifest.tsv; bicep: the .bicep files;
             all: every file `armlint check <corpus>` lints (the folder walked, as the CLI does)
  --every N  a fixed subset: every Nth file of the set (for profiles and quick comparisons)
  --jobs N   lint with N processes (CPU time then includes the workers', peak memory is the
             parent's and the largest worker's)
  --profile  write a cProfile of the run to FILE (read it with pstats; serial runs only)
  --findings write every finding as one sorted JSON line each to FILE, to compare two versions
Prints: files, findings, CPU seconds (user + system of this process and its workers), wall
seconds, peak resident MB (ru_maxrss) and the load average next to the wall time.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from bench import arm_files, bicep_files  # noqa: E402


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def candidates(corpus: Path, which: str) -> list:
    from armlint.discover import Candidate, discover
    if which == "arm":
        return [Candidate(f, True) for f in arm_files(corpus)]
    if which == "bicep":
        return [Candidate(f, True) for f in bicep_files(corpus)]
    return list(discover([str(corpus)]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--set", choices=("arm", "bicep", "all"), default="all")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--profile")
    parser.add_argument("--findings")
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    if not (corpus / "manifest.tsv").exists():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    from armlint.api import Linter, LintOptions
    from armlint.engine.loader import load_catalogue
    from armlint.runner import lint_all
    files = candidates(corpus, args.set)[::args.every]
    cpu0, wall0 = _cpu(), time.perf_counter()
    profile = None
    if args.profile:
        import cProfile
        profile = cProfile.Profile(time.process_time)
        profile.enable()
    linter = Linter(load_catalogue(), LintOptions(use_config=False, roots=[str(corpus)]),
                    root=corpus)
    results = lint_all(linter, files, jobs=args.jobs)
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    cpu, wall = _cpu() - cpu0, time.perf_counter() - wall0
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    findings = [f for r in results for f in r.findings]
    print(f"{args.set} every {args.every}: {len(files)} files, {len(findings)} findings, "
          f"CPU {cpu:.2f} s, wall {wall:.2f} s (load {os.getloadavg()[0]:.1f}), "
          f"peak {peak:.0f} MB, jobs {args.jobs}")
    if args.findings:
        lines = sorted(json.dumps([f.location.path, f.location.span.start_line,
                                   f.location.span.start_col, f.location.span.end_line,
                                   f.location.span.end_col, f.rule_id, f.level, f.message,
                                   f.fingerprint, f.suppression is not None])
                       for f in findings)
        Path(args.findings).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
