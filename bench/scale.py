"""Is the cost linear in the size of the corpus, and does memory stay flat? Lints N copies of the
corpus in one process and prints, per copy count, the time and peak memory and the cost of a file
against one copy (issue 12: linear within 15%, peak at most 150 MB whatever N).

Usage: python bench/scale.py [--corpus ../shared/corpus] [--copies 1,4,16] [--part FOLDER]
                             [--python PYTHON]

Each count N is linted as `armlint check <folder> --no-cache --jobs 1 -f json -o /dev/null`
(a fresh process) over a temporary folder holding N copies of the corpus (or of --part, a
folder inside it) made of hard links (real copies where links are refused), deleted after the
run; nothing is written to the corpus. Copies lie in folders of their own, so a module is shared
within a copy, as in a real monorepo, not across copies.

Prints per N: files, wall seconds and the load average beside them (a shared machine), CPU
seconds (user + system, from wait4), CPU milliseconds per file, the ratio of that to 1x (1.00 is
linear; the start-up, paid once per run, is left in), and peak resident MB (ru_maxrss).
--python runs another interpreter (a virtual environment's, where armlint is installed).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def link_tree(source: Path, target: Path) -> int:
    """A copy of `source` made of hard links (a real copy where links are refused); the number
    of files."""
    count = 0
    for folder, dirs, names in os.walk(source):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out = target / Path(folder).relative_to(source)
        out.mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.link(os.path.join(folder, name), out / name)
            except OSError:
                shutil.copy2(os.path.join(folder, name), out / name)
            count += 1
    return count


def run(python: str, folder: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak MB and exit code of one `armlint check` of `folder`."""
    cmd = [python, "-m", "armlint", "check", "--no-config", "--no-progress", "--no-cache",
           "--jobs", "1", "-f", "json", "-o", os.devnull, "."]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: findings
        print(f"armlint exited with {code}: {err[-2000:]}", file=sys.stderr)
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return wall, usage.ru_utime + usage.ru_stime, peak, code


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--copies", default="1,4,16", help="copy counts, comma-separated")
    ap.add_argument("--part", help="a folder inside the corpus to copy instead of all of it")
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    if not (corpus / "manifest.tsv").is_file():
        print(f"no corpus at {corpus} (give --corpus)", file=sys.stderr)
        return 2
    source = corpus / args.part if args.part else corpus
    counts = [int(n) for n in args.copies.split(",")]
    print(f"{args.python}; {source}; copies {counts}", flush=True)
    print("| copies | files | wall s | load (1 min) | CPU s | CPU ms per file | against 1x "
          "| peak MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    base = None
    with tempfile.TemporaryDirectory(prefix="armlint-scale-") as tmp:
        for n in counts:
            folder = Path(tmp) / f"x{n}"
            files = sum(link_tree(source, folder / f"copy{i}") for i in range(n))
            wall, cpu, peak, _ = run(args.python, folder)
            per_file = cpu / files
            base = base if base is not None else per_file
            print(f"| {n} | {files} | {wall:.1f} | {os.getloadavg()[0]:.1f} | {cpu:.1f} | "
                  f"{1000 * per_file:.2f} | {per_file / base:.3f} | {peak:.0f} |", flush=True)
            shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
