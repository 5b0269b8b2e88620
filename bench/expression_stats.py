"""How much of the corpus the evaluator can know: expressions seen, resolved, unknown.

Usage: python bench/expression_stats.py [--corpus ../shared/corpus]

For every ARM template in the corpus, builds the model and resolves everything a rule can see:
every resource (in every nested template), every output, variable and parameter default. Each
evaluation of an expression string is counted once per place it is evaluated, with its result:
  known    a value with no unknown part
  partial  a string, object or array with some unknown parts (e.g. a name built from a parameter
           without a value)
  unknown  nothing about the value is known before deployment
Any exception is a bug and is listed.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    from armlint.expr import evaluate as ev
    from armlint.expr.values import PartialString, Unknown, contains_unknown
    from armlint.model.build import build_template_model
    from armlint.model.views import resource_view
    from armlint.source import jsonc
    from armlint.source.text import decode
    from bench import arm_files

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    args = parser.parse_args()
    counts: collections.Counter = collections.Counter()
    reasons: collections.Counter = collections.Counter()
    original = ev.evaluate_string

    def counting(text, ctx):
        value = original(text, ctx)
        if ev.parser.is_expression(text):
            if isinstance(value, PartialString):
                counts["partial"] += 1
            elif isinstance(value, Unknown):
                counts["unknown"] += 1
                reasons[value.reason.split("'")[0].strip()] += 1
            elif contains_unknown(value):
                counts["partial"] += 1
            else:
                counts["known"] += 1
        return value

    ev.evaluate_string = counting
    failures = []
    templates = 0
    start = time.perf_counter()
    for path in arm_files(Path(args.corpus)):
        try:
            doc = jsonc.load(decode(path.read_bytes()).text)
            value = doc.value
            if not doc.ok or not isinstance(value, dict) or \
                    "deploymenttemplate" not in str(value.get("$schema", "")).lower():
                continue
            templates += 1
            model = build_template_model(doc, value)
            for res in model.resources:
                resource_view(res)
            for template in model.templates:
                ctx = template.ctx
                for decl in template.outputs:
                    ev.resolve(decl.raw, decl.origin, ctx)
                for decl in template.variables:
                    template.scope.variable(decl.name)
                for decl in template.parameters:
                    template.scope.parameter(decl.name)
        except Exception as exc:  # noqa: BLE001 - a bug to list
            failures.append((path, f"{type(exc).__name__}: {exc}"))
    seconds = time.perf_counter() - start
    total = sum(counts.values())
    print(f"templates: {templates}, expression evaluations: {total} in {seconds:.2f} s")
    for key in ("known", "partial", "unknown"):
        print(f"  {key:8} {counts[key]:7}  {100 * counts[key] / max(total, 1):5.1f}%")
    print("most common reasons for unknown:")
    for reason, n in reasons.most_common(8):
        print(f"  {n:6}  {reason}")
    print(f"exceptions: {len(failures)}")
    for path, message in failures[:20]:
        print(f"  {path}: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
