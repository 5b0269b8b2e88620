"""Azure's published API versions (data/api-versions.json, generated from the resource schemas)
and the verdict on one version that the apiVersion and reference() rules share (AL4001, AL4002).
Facts about Azure, not about a template; dates are measured from the day the table was made, so
results do not change with the day armlint runs.
"""
from __future__ import annotations

import datetime
import functools
import json
import re
from pathlib import Path
from typing import Any

from ..expr.values import Unknown

DATA = Path(__file__).resolve().parent.parent / "data" / "api-versions.json"


@functools.lru_cache(maxsize=1)
def api_version_table() -> dict:
    """{"generated": date, "types": {lower-case type: [versions, ascending]}}."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return {"generated": data["generated"],
            "types": {t.lower(): v for t, v in data["types"].items()}}


@functools.lru_cache(maxsize=1)
def type_names() -> dict:
    """{lower-case type: the type as the table writes it} of every type the table knows."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return {t.lower(): t for t in data["types"]}


def published_versions(rtype: str) -> list[str] | None:
    """The published API versions of a resource type (None: the type is not in the table)."""
    return api_version_table()["types"].get(rtype.lower())


def version_date(version: str) -> datetime.date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", version or "")
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def is_preview(version: str) -> bool:
    return "-" in (version or "")[10:]


def table_date() -> datetime.date:
    """The date the API version table was generated: ages are measured from it, so results do
    not change with the day the linter runs."""
    return version_date(api_version_table()["generated"]) or datetime.date.today()


def _sort_key(version: str) -> tuple:
    return (version[:10], is_preview(version), version)


def acceptable_versions(versions, max_age: int) -> list[str]:
    return list(_acceptable(tuple(versions), max_age))


@functools.lru_cache(maxsize=4096)
def _acceptable(versions: tuple, max_age: int) -> tuple:
    """The versions of a type that pass: stable versions at most `max_age` days old (else the
    newest stable one), and recent previews newer than the newest stable version (when there is
    no stable version: recent previews, else the newest preview)."""
    today = table_date()
    stable = sorted((v for v in versions if not is_preview(v)), key=_sort_key)
    preview = sorted((v for v in versions if is_preview(v)), key=_sort_key)

    def recent(v: str) -> bool:
        d = version_date(v)
        return d is not None and (today - d).days <= max_age

    ok = [v for v in stable if recent(v)]
    if not ok and stable:
        ok = [stable[-1]]
    if stable:
        newest = stable[-1][:10]
        ok += [v for v in preview if recent(v) and v[:10] > newest]
    else:
        ok += [v for v in preview if recent(v)]
        if not ok and preview:
            ok = [preview[-1]]
    return tuple(sorted(ok, key=_sort_key, reverse=True))


def version_verdict(rtype: str, version: Any, max_age: int,
                    report_unpublished: bool = True) -> str | None:
    """Why `version` of `rtype` is not acceptable (None: it is, or nothing can be said)."""
    if not isinstance(version, str) or isinstance(version, Unknown):
        return None
    versions = published_versions(rtype)
    if not versions or version_date(version) is None:
        return None
    ok = acceptable_versions(versions, max_age)
    if version in ok:
        return None
    shown = ", ".join(ok[:3])
    # Resource Manager accepts versions older than the schemas (Microsoft.Resources/deployments
    # 2015-01-01): only a version inside the table's span that it lacks is called unpublished
    if version not in versions and version[:10] >= min(v[:10] for v in versions):
        if not report_unpublished:
            return None
        # of one date, the stable version is the one to name, not its preview
        newest = max(versions, key=lambda v: (v[:10], not is_preview(v), v))
        return (f"API version {version} is not a published version of {rtype}; the newest is "
                f"{newest}")
    if is_preview(version):
        stable = [v for v in versions if not is_preview(v)]
        if stable:
            newest_stable = max(stable, key=_sort_key)
            if newest_stable[:10] > version[:10]:
                return (f"API version {version} of {rtype} is a preview, and a newer stable "
                        f"version exists; use one of {shown}")
            if newest_stable[:10] == version[:10]:
                return (f"API version {version} of {rtype} is a preview, and the stable version "
                        f"{newest_stable} of the same date exists")
    age = (table_date() - version_date(version)).days
    return (f"API version {version} of {rtype} is {age} days old (more than {max_age}); use one "
            f"of {shown}")
