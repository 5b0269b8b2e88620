"""Regenerate the rule documentation that lives in the repository from the rule files:
`docs/rules/` (one page per rule and an index, as `armlint docs` writes them) and the rules
table of the README (between its `rules-table` markers).

Usage: python scripts/update_rule_docs.py   (tests/test_meta.py fails when they are stale)
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
START, END = "<!-- rules-table:start -->\n", "<!-- rules-table:end -->\n"


def readme_with_table(readme: str, table: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + START + table + END + tail


def main() -> int:
    sys.path.insert(0, str(REPO))
    from armlint.engine.loader import load_catalogue
    from armlint.ruledocs import rules_table
    docs = REPO / "docs" / "rules"
    for old in docs.glob("AL*.md"):
        old.unlink()  # a page of a rule that no longer exists must not linger
    subprocess.run([sys.executable, "-m", "armlint", "docs", str(docs)], check=True, cwd=REPO)
    readme = REPO / "README.md"
    table = rules_table(load_catalogue().rules, "docs/rules/{id}.md")
    readme.write_text(readme_with_table(readme.read_text(encoding="utf-8"), table), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
