"""Benchmark and conformance check of armlint's Bicep parser over the shared corpus.

Parses every `.bicep` and `.bicepparam` file under ../shared/corpus (relative to the repository
root), then prints the number of files, the share that parsed without any syntax error, files/s
and MB/s (parse time only: files are read and decoded before the clock starts), and each failing
file with its first error (`--verbose`: all errors). Exits 1 when any file has an error, 0
otherwise (also when the corpus is absent, which it says).

    .venv/bin/python bench/bicep_parse_rate.py [--verbose] [--repeat N] [CORPUS_DIR]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from armlint.bicep.parser import parse  # noqa: E402
from armlint.source.text import LineIndex, decode  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--verbose", action="store_true", help="print every error, not just the first")
    ap.add_argument("--repeat", type=int, default=1,
                    help="parse the corpus N times and report the best time")
    args = ap.parse_args(argv)

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}: nothing to do")
        return 0
    paths = sorted(p for p in corpus.rglob("*") if p.suffix in (".bicep", ".bicepparam"))
    if not paths:
        print(f"no .bicep files under {corpus}")
        return 0
    texts = [decode(p.read_bytes()).text for p in paths]
    size_mb = sum(len(p.read_bytes()) for p in paths) / 1e6

    best = None
    results = []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        results = [parse(text) for text in texts]
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)

    failing = [(p, t, r) for p, t, r in zip(paths, texts, results) if r.diagnostics]
    clean = len(paths) - len(failing)
    print(f"files:            {len(paths)}  ({size_mb:.1f} MB)")
    print(f"without errors:   {clean}/{len(paths)} ({100.0 * clean / len(paths):.2f}%)")
    print(f"parse time:       {best:.2f} s  ({len(paths) / best:.0f} files/s, "
          f"{size_mb / best:.2f} MB/s)")
    for path, text, result in failing:
        index = LineIndex(text)
        shown = result.diagnostics if args.verbose else result.diagnostics[:1]
        rel = path.relative_to(corpus)
        for diag in shown:
            line, col = index.position(diag.start)
            print(f"  {rel}:{line}:{col}: {diag.message}")
        if not args.verbose and len(result.diagnostics) > 1:
            print(f"    (+{len(result.diagnostics) - 1} more; --verbose shows all)")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
