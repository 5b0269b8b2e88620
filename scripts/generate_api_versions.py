"""Generate armlint/data/api-versions.json, the table of published API versions per resource type
that the API-version rules read, from the facts in ../shared/data/arm-api-versions.json.

Usage: python scripts/generate_api_versions.py [SOURCE] [--date YYYY-MM-DD]

The output keeps each type's versions sorted (previews included, marked by their suffix) and
records the generation date and the source it came from, so rules can say how old the table is.
"""
from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?",
                        default=str(REPO.parent / "shared" / "data" / "arm-api-versions.json"))
    parser.add_argument("--date", default=datetime.date.today().isoformat())
    args = parser.parse_args()
    data = json.loads(Path(args.source).read_text(encoding="utf-8"))
    types = {t: sorted(set(v)) for t, v in sorted(data["types"].items(), key=lambda kv: kv[0].lower())}
    out = {"generated": args.date, "source": data.get("source", ""),
           "note": "resource type -> API versions with a published schema, sorted ascending",
           "types": types}
    target = REPO / "armlint" / "data" / "api-versions.json"
    target.write_text(json.dumps(out, separators=(",", ":"), sort_keys=False) + "\n",
                      encoding="utf-8")
    print(f"wrote {len(types)} types to {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
