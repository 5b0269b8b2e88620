"""Mutation check: deliberate bugs in key places, each of which the test suite must catch.

Each mutation replaces one snippet of armlint's source (found in the files under its folder, so
it survives modules being split or moved) in a temporary copy of the repository, runs the tests
it names there, and counts as caught when they fail. Not part of the suite: it runs the named
tests once per mutation, a few minutes in all.

    python scripts/mutation_check.py            # every mutation
    python scripts/mutation_check.py -k baseline # those whose name contains "baseline"
    python scripts/mutation_check.py --list

Exit status 0 when every mutation was caught, 1 when one was missed, 2 when a mutation no longer
applies (its snippet is gone from the source: update the mutation).
"""
from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Mutation:
    name: str
    where: str  # a file or folder under the repository: the snippet must occur once in it
    old: str
    new: str
    tests: tuple[str, ...]  # pytest runs, each its arguments in one string; caught if one fails
    why: str
    every: bool = False  # replace every occurrence in the file (else the snippet occurs once)


MUTATIONS = [
    Mutation(
        "evaluator: parameters and variables share one in-progress set",
        "armlint/expr/evaluate.py",
        '("v", key)',
        '("p", key)',
        ("tests/unit/expr/test_evaluate.py",),
        "variables('x') reading parameters('x') became 'refers to itself' (Unknown)",
        every=True),
    Mutation(
        "Bicep loop: the item is bound to the first element only",
        "armlint/bicep",
        "bindings[e.item.name] = Index(0, 0, iterable, index)",
        "bindings[e.item.name] = Index(0, 0, iterable, _lit(0))",
        ("tests/rules/test_rule_fixtures.py -k AL6501", "tests/unit/bicep"),
        "a property loop judged by its first element only (the resource loop item is Unknown: judging each element of a resource loop is not done)"),
    Mutation(
        "baseline: a second finding with the same fingerprint is matched again",
        "armlint/engine/baseline.py",
        '        if left[key] > 0:\n            left[key] -= 1\n            f.baseline_state = "unchanged"',
        '        if left[key] > 0:\n            f.baseline_state = "unchanged"',
        ("tests/cli/test_ci.py", "tests/unit/engine/test_baseline.py"),
        "a second VM with the same problem counted as unchanged"),
    Mutation(
        "locate: the characters inside a string are ignored",
        "armlint/engine/locate.py",
        "    if inner is not None:\n        span = origin.doc.string_span(",
        "    if False:\n        span = origin.doc.string_span(",
        ("tests/unit/engine/test_locate.py",),
        "a finding on part of an expression points at the whole string"),
    Mutation(
        "suppression: a directive's last line is not covered",
        "armlint/engine/suppress.py",
        "if d.first_line <= line <= d.last_line and",
        "if d.first_line <= line < d.last_line and",
        ("tests/unit/engine/test_suppress.py",),
        "armlint-disable-next-line suppresses nothing"),
    Mutation(
        "escaping: control characters reach the terminal",
        "armlint/reporters/escape.py",
        "    return text.translate(_TABLE)",
        "    return text",
        ("tests/unit/reporters/test_escaping.py",),
        "ANSI escapes and newlines from a template in text, GitHub and JUnit output"),
    Mutation(
        "Unknown fires: an unknown violation counts as true",
        "armlint/engine/jmes.py",
        '    """A known, JMESPath-truthy result."""\n    if isinstance(value, Unknown):\n'
        '        return False',
        '    """A known, JMESPath-truthy result."""\n    if isinstance(value, Unknown):\n'
        '        return True',
        ("tests/unit/engine/test_jmes.py", "tests/rules/test_rule_fixtures.py -k AL5001"),
        "a value known only at deployment makes rules fire"),
    Mutation(
        "rule messages: a placeholder nothing binds is accepted",
        "armlint/engine/loader.py",
        "        if f not in known:\n",
        "        if False:\n",
        ("tests/unit/engine/test_loader.py", "tests/unit/engine/test_messages.py"),
        "a rule file's {x} reaches the user as '{x}'"),
    Mutation(
        "fingerprint: array elements named by their index",
        "armlint/engine/fingerprint.py",
        "            out.append(element_identity(node))",
        "            out.append(str(seg))",
        ("tests/unit/engine/test_fingerprint.py",),
        "a resource inserted before an accepted one makes every later finding new"),
    Mutation(
        "resourceId(): a name segment of any type is accepted",
        "armlint/expr/functions",
        '            raise EvalError("a resource name segment is not a string")',
        "            out.append(n)",
        ("tests/unit/expr/test_functions.py",),
        "an array from a parameter as a name crashed the linking (AL0003)"),
    Mutation(
        "YAML: plain keys keep their YAML 1.1 types",
        "armlint/source/yamlsafe.py",
        "    _keys_as_text(node)\n",
        "",
        ("tests/unit/engine/test_loader.py",),
        "a rule binding a value called `off` ended in a traceback"),
    Mutation(
        "JSON without $schema is skipped whatever its shape",
        "armlint/linter.py",
        'if kind is None and "$schema" not in value and _template_shaped(value):',
        "if False:",
        ("tests/unit/api/test_facade.py", "tests/rules/test_rule_fixtures.py -k AL1002"),
        "a template that lost its $schema is not linted"),
    Mutation(
        "a providers/diagnosticSettings child is not an extension of its parent",
        "armlint/model/build.py",
        'short_child = parent is not None and bool(rtype) and "." not in rtype.split("/")[0]',
        'short_child = parent is not None and bool(rtype) and "/" not in rtype',
        ("tests/rules/test_rule_fixtures.py -k AL6626",),
        "a cluster's diagnostic setting written as a short child is not seen"),
]


def _target(root: Path, m: Mutation) -> Path:
    base = root / m.where
    files = [base] if base.is_file() else sorted(base.rglob("*.py"))
    found = [p for p in files if m.old in p.read_text(encoding="utf-8")]
    if len(found) != 1 or (found[0].read_text(encoding="utf-8").count(m.old) != 1 and
                           not m.every):
        raise LookupError(f"the snippet occurs {'in no file' if not found else 'more than once'} "
                          f"under {m.where}")
    return found[0]


def _copy(dest: Path) -> None:
    ignore = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", ".pytest_cache",
                                    ".hypothesis", "*.pyc")
    for name in ("armlint", "rules", "tests", "schemas", "docs", "examples", "scripts", "editors",
                 "bench"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, dest / name, ignore=ignore, symlinks=True)
    for name in ("pyproject.toml", "README.md", "DESIGN.md"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, dest / name)
    # corpus tests read ../shared beside the repository
    shared = REPO.parent / "shared"
    if shared.exists():
        os.symlink(shared, dest.parent / "shared")


def run(m: Mutation, timeout: int) -> tuple[str, float, str]:
    with tempfile.TemporaryDirectory(prefix="armlint-mutant-") as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        _copy(root)
        try:
            path = _target(root, m)
        except LookupError as exc:
            return "stale", 0.0, str(exc)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(m.old, m.new) if m.every else text.replace(m.old, m.new, 1),
                        encoding="utf-8")
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "cache"), PYTHONDONTWRITEBYTECODE="1",
                   ARMLINT_CACHE_DIR=str(Path(tmp) / "cache" / "armlint"))
        env["PYTHONPATH"] = str(root)
        start = time.monotonic()
        last = ""
        for args in m.tests:
            try:
                proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p",
                                       "no:cacheprovider", *shlex.split(args)], cwd=root, env=env,
                                      capture_output=True, text=True, timeout=timeout)
            except subprocess.TimeoutExpired:
                return "timeout", time.monotonic() - start, args
            last = (proc.stdout.strip().splitlines() or [""])[-1]
            if proc.returncode == 1:
                failed = [line for line in proc.stdout.splitlines() if line.startswith("FAILED")]
                return "caught", time.monotonic() - start, (failed[0] if failed else last)
            if proc.returncode != 0:
                return f"error {proc.returncode}", time.monotonic() - start, f"{args}: {last}"
        return "MISSED", time.monotonic() - start, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-k", default="", help="only mutations whose name contains this")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--timeout", type=int, default=1200)
    args = parser.parse_args()
    chosen = [m for m in MUTATIONS if args.k.lower() in m.name.lower()]
    if args.list:
        for m in chosen:
            print(f"{m.name}\n    {m.where}; tests: {' '.join(m.tests)}")
        return 0
    outcome = 0
    rows = []
    for m in chosen:
        state, took, detail = run(m, args.timeout)
        rows.append((m.name, state, took, detail))
        print(f"{state:8} {took:6.1f}s  {m.name}\n         {detail[:150]}", flush=True)
        if state == "stale":
            outcome = max(outcome, 2)
        elif state != "caught":
            outcome = max(outcome, 1)
    caught = sum(1 for r in rows if r[1] == "caught")
    print(f"\n{caught} of {len(rows)} mutations caught")
    return outcome


if __name__ == "__main__":
    sys.exit(main())
