"""Run armlint's Azure Policy checker over the shared corpus and report what it found.

Usage: python scripts/policy_corpus_report.py [CORPUS] [--policy SOURCE ...] [--seed N]
       [--sample 30] [--out report.md]

Default policies: builtin:MCSB and every ALZ Enforce-Guardrails-* initiative. Prints (or writes)
Markdown: files linted, findings per policy (by effect level), undetermined results, the share of
evaluations (a resource meeting a definition's type and mode) that end undetermined, the most
common reasons, crashes (AL0003 on policy evaluation), and a seeded random sample of findings
spread over the policies (one per policy in a seeded order) with the source line each points at,
for checking by hand.
"""
from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--policy", action="append", default=None)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    from armlint.api import LintOptions, lint_paths
    sources = args.policy or ["builtin:MCSB", "builtin:Enforce-Guardrails-*"]
    options = LintOptions(use_config=False, policies=sources, show_undetermined=True, jobs=1)
    from armlint import api
    captured = {}
    original = api.load_policies

    def keep(opts, config):
        captured["set"] = original(opts, config)
        return captured["set"]
    api.load_policies = keep
    result = lint_paths([args.corpus], options)
    policies = captured["set"]
    rules = {r.id: r for r in policies.rule_list()}
    found = [f for f in result.findings if f.rule_id in rules]
    crashes = [f for f in result.findings if f.rule_id == "AL0003" and "Azure Policy" in f.message]
    fail = [f for f in found if f.kind == "fail"]
    open_ = [f for f in found if f.kind == "open"]
    lines = [f"# Azure Policy over the corpus ({', '.join(sources)})", "",
             f"- files linted: {result.linted}; definitions applied: {len(policies.applied)} "
             f"({len(rules)} rules), skipped: {len(policies.skipped)}",
             f"- findings: {len(fail)} ({_levels(fail)}); undetermined results: {len(open_)}; "
             f"policy crashes: {len(crashes)}; AL0003 (any internal error): "
             f"{sum(1 for f in result.findings if f.rule_id == 'AL0003')}"]
    st = policies.stats
    evaluated = st["true"] + st["false"] + st["undetermined"]
    if evaluated:
        lines.append(f"- evaluations (a resource meeting a definition's type and mode): {evaluated}: "
                     f"{st['false']} compliant, {st['true']} matched the `if`, "
                     f"{st['undetermined']} undetermined ({100 * st['undetermined'] / evaluated:.1f}%)")
    lines += ["", "## Findings per policy", "", "| findings | level | definition | name |",
              "| ---: | --- | --- | --- |"]
    per = collections.Counter((f.rule_id, f.level) for f in fail)
    for (rid, level), n in per.most_common():
        lines.append(f"| {n} | {level} | {rules[rid].title} | `{rid}` |")
    lines += ["", "## Most common reasons for undetermined results", ""]
    reasons = collections.Counter()
    for f in open_:
        for part in f.message.split("undetermined: ", 1)[-1].split("; "):
            reasons[_generic(part)] += 1
    for reason, n in reasons.most_common(15):
        lines.append(f"- {n}: {reason}")
    sample = stratified_sample(fail, args.sample, args.seed)
    lines += ["", f"## Sample of {len(sample)} findings (seed {args.seed}, across policies)", ""]
    for i, f in enumerate(sample, 1):
        src = _line(Path(args.corpus).parent / f.location.path if not Path(f.location.path).is_absolute()
                    else Path(f.location.path), f.location.span.start_line, args.corpus)
        lines.append(f"{i}. `{f.location.path}:{f.location.span.start_line}:"
                     f"{f.location.span.start_col}` {f.level}: {f.message}")
        lines.append(f"   - source: `{src}`")
    text = "\n".join(lines) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    print(text)


def stratified_sample(findings, size: int, seed: int) -> list:
    """`size` findings spread over the policies: the policies in a seeded random order, one
    random finding of each in turn (a second round when there are fewer policies than `size`).
    A plain random sample is mostly the few policies that fire on every storage account."""
    rng = random.Random(seed)
    by_policy: dict = collections.defaultdict(list)
    for f in sorted(findings, key=lambda f: f.sort_key()):
        by_policy[f.rule_id].append(f)
    order = sorted(by_policy)
    rng.shuffle(order)
    for rid in order:
        rng.shuffle(by_policy[rid])
    sample: list = []
    while len(sample) < size and any(by_policy.values()):
        for rid in order:
            if by_policy[rid] and len(sample) < size:
                sample.append(by_policy[rid].pop())
    return sample


def _levels(findings) -> str:
    c = collections.Counter(f.level for f in findings)
    return ", ".join(f"{n} {level}" for level, n in c.most_common())


def _generic(reason: str) -> str:
    import re
    reason = re.sub(r"'[^']*'", "'…'", reason)
    return re.sub(r"\[[^\]]*\]", "[…]", reason)[:140]


def _line(path: Path, number: int, corpus: str) -> str:
    for candidate in (path, Path(corpus) / path, Path.cwd() / path):
        try:
            return candidate.read_text(encoding="utf-8-sig").splitlines()[number - 1].strip()[:160]
        except (OSError, IndexError, UnicodeDecodeError):
            continue
    return "?"


if __name__ == "__main__":
    main()
