"""Findings of the security rules over the shared corpus: per rule, and a seeded sample to check
by hand (issue 10's closing note).

Usage: python bench/security_findings.py [--corpus ../shared/corpus] [--select tag:security]
                                         [--sample 40] [--seed 10] [--rule AL6104]
                                         [--sample-from AL61 ...] [--per-rule 2]
Prints, per selected rule, the number of findings in ARM JSON and in Bicep files (rule crashes,
AL0003, are listed too: there must be none), then `--sample` findings drawn with `--seed` from all
of them (or only those of `--rule`, or of rules whose ID starts with a `--sample-from` prefix),
each as `path:line:col: ID message`. With `--per-rule N` the sample takes at most N findings of a
rule, one of each rule first (in the seeded order), so that it spreads over rules and services.

Issue 10's hand-checked sample: --sample 40 --seed 10 --per-rule 2
--sample-from AL61 --sample-from AL62 ... --sample-from AL67 (the pack's rules).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--select", action="append", default=None)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--rule", action="append", default=[])
    parser.add_argument("--sample-from", action="append", default=[])
    parser.add_argument("--per-rule", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from armlint.api import LintOptions, lint_paths
    select = (args.select or ["tag:security"]) + ["AL0003"]
    options = LintOptions(select=select, use_config=False, jobs=args.jobs or None,
                          roots=[args.corpus])
    result = lint_paths([args.corpus], options)
    counts: Counter = Counter()
    findings = []
    for f in result.files:
        lang = "bicep" if f.path.endswith((".bicep", ".bicepparam")) else "json"
        for finding in f.findings:
            counts[(finding.rule_id, lang)] += 1
            findings.append(finding)
    print(f"{'rule':8} {'json':>6} {'bicep':>6}  name")
    for rule in result.rules:
        j, b = counts[(rule.id, "json")], counts[(rule.id, "bicep")]
        print(f"{rule.id:8} {j:6} {b:6}  {rule.name}")
    print(f"{len(result.files)} files, {len(findings)} findings")
    if args.sample:
        pool = [f for f in findings if (not args.rule or f.rule_id in args.rule)
                and (not args.sample_from or f.rule_id.startswith(tuple(args.sample_from)))]
        pool.sort(key=lambda f: (f.rule_id, f.location.path, f.location.span.start_line,
                                 f.location.span.start_col))
        random.Random(args.seed).shuffle(pool)
        sample = pool[:args.sample] if not args.per_rule else _spread(pool, args.sample,
                                                                      args.per_rule)
        for f in sorted(sample, key=lambda f: (f.rule_id, f.location.path)):
            span = f.location.span
            print(f"{f.location.path}:{span.start_line}:{span.start_col}: {f.rule_id} {f.message}")
    return 0


def _spread(pool: list, size: int, per_rule: int) -> list:
    """Up to `size` findings of `pool` (already shuffled), at most `per_rule` of a rule: round k
    takes the k-th finding of each rule, in the order the rules first appear."""
    by_rule: dict[str, list] = {}
    for f in pool:
        by_rule.setdefault(f.rule_id, []).append(f)
    out: list = []
    for k in range(per_rule):
        for found in by_rule.values():
            if len(out) < size and len(found) > k:
                out.append(found[k])
    return out


if __name__ == "__main__":
    sys.exit(main())
