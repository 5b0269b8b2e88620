"""What a version of armlint costs against another on the same files and the same rules: the
in-process CPU time of `lint_all` (user + system, resource.getrusage; the minimum of --repeat runs)
over the corpus ARM files and its .bicep files, each tree run in a fresh process of its own.

Usage: python bench/redesign_cost.py [--corpus ../shared/corpus] [--old REV] [--tree DIR ...]
                                     [--rules-of REV | --all-rules] [--set arm|bicep|both]
                                     [--repeat N] [--every N]

  --old REV      a git revision of this repository, extracted with `git archive REV | tar -x` into
                 a temp folder and measured before this tree (default 091a1cc, the last commit
                 before the issue 11 redesign); --old none measures only this tree
  --tree DIR     measure a tree given as a folder instead (repeatable; e.g. a second worktree)
  --rules-of REV run every tree with exactly the rules REV runs by default (their IDs as --select),
                 so new rules do not count as overhead (default: the --old revision); --all-rules:
                 each tree's own default rules
  --every N      every Nth file (quick comparisons); --repeat N: runs per tree and set (min taken)
Each run is a fresh process (a second run in one process would find the expression parser's
cache warm), importing the tree with PYTHONPATH=<tree> compiled to bytecode beforehand (XDG_CACHE_HOME in a temp folder,
so the real user cache is not touched); the catalogue is loaded before the clock starts. Prints per
set and tree: files, findings, CPU seconds (min, and every run), the load average.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def _files(corpus: Path, which: str) -> list[Path]:
    kinds = {"arm": ("arm-template", "arm-parameters"), "bicep": ("bicep", "bicep-test")}[which]
    rows = [line.split("\t") for line in
            (corpus / "manifest.tsv").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [corpus / r[0] for r in rows if r[2] in kinds]


def _armlint_api():
    """Linter, LintOptions, lint_all, load_catalogue and Candidate of whatever tree is imported:
    before the redesign the pipeline lived in armlint.api (`_lint_all`), after it in
    armlint.linter and armlint.runner."""
    from armlint.discover import Candidate
    from armlint.engine.loader import load_catalogue
    try:
        from armlint.linter import Linter, LintOptions
        from armlint.runner import lint_all
    except ImportError:
        from armlint.api import Linter, LintOptions
        from armlint.api import _lint_all as lint_all
    return Linter, LintOptions, lint_all, load_catalogue, Candidate


def child(args) -> int:
    """Runs inside the measured tree: prints one JSON object."""
    import armlint
    Linter, LintOptions, lint_all, load_catalogue, Candidate = _armlint_api()
    catalogue = load_catalogue()
    if args.list_rules:
        print(json.dumps({"rules": [r.id for r in catalogue.select()]}))
        return 0
    select = json.loads(args.select) if args.select else None
    files = _files(Path(args.corpus), args.set)[::args.every]
    opts = LintOptions(use_config=False, select=select)
    if hasattr(opts, "roots"):
        opts.roots = [args.corpus]
    runs, findings = [], None
    for _ in range(args.runs):
        linter = Linter(catalogue, opts, root=Path(args.corpus))
        start = _cpu()
        results = lint_all(linter, [Candidate(f, True) for f in files], jobs=1)
        runs.append(_cpu() - start)
        findings = sum(len(r.findings) for r in results)
        del results, linter
    print(json.dumps({"armlint": armlint.__file__, "files": len(files), "findings": findings,
                      "runs": runs}))
    return 0


def _compiled(tree: Path) -> None:
    """Bytecode for every module of the tree, as after `pip install`: rule modules and the Bicep
    parser are imported inside the timed run, and a tree without bytecode (an extracted
    revision, a shell with PYTHONDONTWRITEBYTECODE set) would be timed compiling them."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "armlint")], check=True,
                   env=_environment(tree, ""), stdout=subprocess.DEVNULL)


def _environment(tree: Path, cache: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree), XDG_CACHE_HOME=cache, ARMLINT_NO_CACHE="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run_child(tree: Path, cache: str, extra: list[str]) -> dict:
    env = _environment(tree, cache)
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *extra],
                         env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{tree}: {out.stderr.strip()}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    found = data.get("armlint")
    if found and not Path(found).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"{tree}: imported armlint from {found}, not from the tree")
    return data


def _extract(rev: str, into: Path) -> Path:
    sha = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", rev], check=True,
                         capture_output=True, text=True).stdout.strip()
    tree = into / f"armlint-{sha}"
    if not (tree / "armlint").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.Popen(["git", "-C", str(REPO), "archive", sha],
                                   stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", str(tree)], stdin=archive.stdout, check=True)
        archive.wait()
    return tree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--old", default="091a1cc")
    parser.add_argument("--tree", action="append", default=[])
    parser.add_argument("--rules-of")
    parser.add_argument("--all-rules", action="store_true")
    parser.add_argument("--set", choices=("arm", "bicep", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--list-rules", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--select", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    corpus = Path(args.corpus).resolve()
    if not (corpus / "manifest.tsv").exists():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    work = Path(tempfile.gettempdir()) / "armlint-redesign-cost"
    cache = str(work / "xdg-cache")
    trees: list[tuple[str, Path]] = []
    if args.old != "none":
        trees.append((args.old, _extract(args.old, work)))
    trees += [(t, Path(t)) for t in args.tree] or [("this tree", REPO)]
    select = None
    if not args.all_rules:
        rules_rev = args.rules_of or (args.old if args.old != "none" else None)
        if rules_rev:
            ids = _run_child(_extract(rules_rev, work), cache,
                             ["--list-rules", "--corpus", str(corpus)])["rules"]
            select = json.dumps(ids)
            print(f"rules: the {len(ids)} default rules of {rules_rev}")
    if select is None:
        print("rules: each tree's default rules")
    for _, tree in trees:
        _compiled(tree)
    sets = ("arm", "bicep") if args.set == "both" else (args.set,)
    for which in sets:
        extra = ["--corpus", str(corpus), "--set", which, "--every", str(args.every)] + \
            (["--select", select] if select else [])
        got: dict = {label: [] for label, _ in trees}
        for _ in range(args.repeat):  # trees taken in turn, so a change of load hits them alike
            for label, tree in trees:
                got[label].append(_run_child(tree, cache, extra))
        for label, _ in trees:
            runs = [r for data in got[label] for r in data["runs"]]
            shown = ", ".join(f"{r:.2f}" for r in runs)
            first = got[label][0]
            print(f"{which:5} {label:12} {first['files']} files, {first['findings']} findings, "
                  f"CPU {min(runs):.2f} s (runs {shown}; load "
                  f"{os.getloadavg()[0]:.1f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
