"""Benchmark armlint against the floor of reading the same files and decoding them with json.loads.

Usage: python bench/bench.py [--corpus ../shared/corpus] [--repeat 5]

Measures, on the ARM part of the shared corpus (templates and parameter files by manifest.tsv):
  floor      read every file and json.loads it (what any Python JSON linter must pay)
  armlint    the same files linted in-process with every default rule (load, model, rules)
  no-eval    the same with the evaluator switched off (every expression unknown), to show what
             static evaluation costs
  bicep      every .bicep file of the corpus linted in-process (parse, lower, rules)
and end to end, as a user runs it (a fresh process each time, bytecode cached):
  one file   `armlint check <one small template>` (the pre-commit case)
  docs       `armlint check <corpus>/docs-json-samples` (185 files; Checkov takes 8.9 s here)
  corpus     `armlint check <corpus>` (every ARM file; Bicep files are counted as they are linted)
Times are the median of --repeat runs. Nothing is timed inside the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _manifest(corpus: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in
            (corpus / "manifest.tsv").read_text(encoding="utf-8").splitlines() if line.strip()]


def arm_files(corpus: Path) -> list[Path]:
    return [corpus / r[0] for r in _manifest(corpus) if r[2] in ("arm-template", "arm-parameters")]


def bicep_files(corpus: Path) -> list[Path]:
    return [corpus / r[0] for r in _manifest(corpus) if r[2] in ("bicep", "bicep-test")]


def floor(files: list[Path]) -> float:
    start = time.perf_counter()
    for f in files:
        data = f.read_bytes()
        try:
            json.loads(data.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            pass
    return time.perf_counter() - start


CORPUS_ROOT = REPO.parent / "shared" / "corpus"


def in_process(files: list[Path]) -> tuple[float, int]:
    """Lint the files as `armlint check` does (one process, the same file loop)."""
    from armlint.api import Linter, LintOptions
    from armlint.runner import lint_all
    from armlint.discover import Candidate
    from armlint.engine.loader import load_catalogue
    start = time.perf_counter()
    catalogue = load_catalogue()
    # the corpus is one project (no repository): its templates may read files anywhere in it
    linter = Linter(catalogue, LintOptions(use_config=False, roots=[str(CORPUS_ROOT)]))
    results = lint_all(linter, [Candidate(f, True) for f in files], jobs=1)
    return time.perf_counter() - start, sum(len(r.findings) for r in results)


def without_evaluation():
    """A context in which every expression is Unknown: the linter as it would be without the
    evaluator (expressions neither parsed nor evaluated), to show what evaluation costs."""
    import contextlib

    from armlint.expr import evaluate as ev
    from armlint.expr.values import Unknown

    @contextlib.contextmanager
    def patched():
        original = ev.evaluate_string

        def opaque(text, ctx):
            if ev.parser.is_expression(text):
                return Unknown(text)
            return ev.parser.unescape_literal(text)
        ev.evaluate_string = opaque
        try:
            yield
        finally:
            ev.evaluate_string = original
    return patched()


def command(args: list[str], repeat: int) -> float:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode is cached
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
    if not (corpus / "manifest.tsv").exists():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    files = arm_files(corpus)
    size = sum(f.stat().st_size for f in files) / 1e6
    floors = [floor(files) for _ in range(args.repeat)]
    runs = [in_process(files) for _ in range(max(1, args.repeat // 2))]
    lint_time = statistics.median(r[0] for r in runs)
    base = statistics.median(floors)
    with without_evaluation():
        opaque = statistics.median(in_process(files)[0] for _ in range(max(1, args.repeat // 2)))
    print(f"ARM corpus: {len(files)} files, {size:.1f} MB")
    print(f"  floor (read + json.loads):     {base:6.3f} s")
    print(f"  armlint in-process, all rules: {lint_time:6.3f} s  ({lint_time / base:.1f}x the floor, "
          f"{len(files) / lint_time:.0f} files/s, {runs[0][1]} findings)")
    print(f"  the same without evaluation:   {opaque:6.3f} s  (every expression unknown; "
          f"evaluation costs {lint_time - opaque:+.3f} s)")
    bicep = bicep_files(corpus)
    bsize = sum(f.stat().st_size for f in bicep) / 1e6
    btime = statistics.median(in_process(bicep)[0] for _ in range(max(1, args.repeat // 2)))
    print(f"Bicep corpus: {len(bicep)} files, {bsize:.1f} MB")
    print(f"  armlint in-process, all rules: {btime:6.3f} s  ({len(bicep) / btime:.0f} files/s, "
          f"{bsize / btime:.1f} MB/s; ARM: {len(files) / lint_time:.0f} files/s, "
          f"{size / lint_time:.1f} MB/s)")
    example = REPO / "examples" / "vm-agent-disabled.json"
    print("End to end (fresh process, median):")
    print(f"  one file (pre-commit):         {command(['check', str(example)], args.repeat):6.3f} s")
    docs = corpus / "docs-json-samples"
    print(f"  docs-json-samples (185 files): {command(['check', str(docs)], args.repeat):6.3f} s")
    print(f"  whole corpus:                  {command(['check', str(corpus)], max(1, args.repeat // 2)):6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
