"""Whether a change kept armlint's findings: the JSON output of `armlint check <corpus> --format json
--no-cache` over the whole corpus, normalised (findings and skipped files sorted, one per line),
written to a file before a change and compared with the same run after it.

Usage: python bench/same_findings.py --write FILE   [--tree DIR] [--corpus ../shared/corpus]
       python bench/same_findings.py --against FILE [--tree DIR] [--corpus ../shared/corpus]

  --tree DIR   the armlint to run (imported with PYTHONPATH=DIR; default this repository)
  --write      save the normalised output; --against: run again and compare with a saved one
               (exit 1 and the first differences when they differ)
The run is `python -m armlint check <corpus> --format json --no-cache` from this repository's
folder (so paths are written as the corpus argument gives them), XDG_CACHE_HOME in a temp folder.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def normalised(tree: Path, corpus: str) -> list[str]:
    cache = Path(tempfile.gettempdir()) / "armlint-same-findings-cache"
    env = dict(os.environ, PYTHONPATH=str(tree), XDG_CACHE_HOME=str(cache))
    out = subprocess.run([sys.executable, "-m", "armlint", "check", corpus, "--format", "json",
                          "--no-cache", "--no-progress"], cwd=REPO, env=env, capture_output=True,
                         text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"armlint exited {out.returncode}: {out.stderr.strip()[-2000:]}")
    data = json.loads(out.stdout)
    lines = [f"files_linted {data['files_linted']}", f"files_skipped {data['files_skipped']}"]
    lines += sorted("skipped " + json.dumps(s, sort_keys=True) for s in data.get("skipped", ()))
    lines += sorted(json.dumps(f, sort_keys=True) for f in data["findings"])
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", default=str(REPO))
    parser.add_argument("--corpus", default="../shared/corpus")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write")
    group.add_argument("--against")
    args = parser.parse_args()
    if not (REPO / args.corpus / "manifest.tsv").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    lines = normalised(Path(args.tree).resolve(), args.corpus)
    if args.write:
        Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines) - 2} lines written to {args.write}")
        return 0
    before = Path(args.against).read_text(encoding="utf-8").splitlines()
    if before == lines:
        print(f"identical: {len(lines) - 2} lines ({lines[0]}, {lines[1]})")
        return 0
    gone, new = sorted(set(before) - set(lines)), sorted(set(lines) - set(before))
    print(f"DIFFERENT: {len(gone)} lines only before, {len(new)} only after")
    for line in gone[:10]:
        print("- " + line)
    for line in new[:10]:
        print("+ " + line)
    return 1


if __name__ == "__main__":
    sys.exit(main())
