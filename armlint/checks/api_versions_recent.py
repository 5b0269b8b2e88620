"""AL4001 api-version-not-recent: a resource's apiVersion is older than `maxAllowedAgeInDays`
while newer versions exist, is a preview although a stable version is as new or newer, or is not
a published version of the type at all.

Acceptable versions follow the Bicep linter: every stable version at most `maxAllowedAgeInDays`
old (else the newest stable version), and recent previews newer than the newest stable version.
Ages are measured from the date the API version table was generated, so a result does not change
with the day the linter runs. Types missing from the table are not reported."""
from __future__ import annotations

from ..engine.run import Hit
from ..expr.evaluate import resolve
from ..expr.values import Origin, Unknown
from ._resources_util import file_resources, is_bicep, version_verdict


def version_at(model, res, version: str):
    """Where to report the apiVersion of `res`: the version inside a Bicep type string, else
    the apiVersion value."""
    if is_bicep(model):
        doc = res.origin.doc
        entry = getattr(doc, "positions", {}).get(tuple(res.origin.pointer) + ("apiVersion",))
        if entry is not None:
            start, end = entry[2], entry[3]
            found = doc.text.find("@" + version, start, end)
            if found >= 0:
                return doc, found + 1, found + 1 + len(version)
    return "raw.apiVersion"


def check(ctx, rule):
    model = ctx["model"]
    max_age = ctx["options"].get("maxAllowedAgeInDays", 730)
    try:
        max_age = int(max_age)
    except (TypeError, ValueError):
        max_age = 730
    bicep = is_bicep(model)
    for res in file_resources(model, existing=True):
        if "apiVersion" not in res.raw:
            continue
        key = res.raw.actual_key("apiVersion")
        version = resolve(res.raw[key], None, res.ctx)
        if not isinstance(version, str) or isinstance(version, Unknown):
            continue
        reason = version_verdict(res.type, version, max_age)
        if reason is None:
            continue
        at = version_at(model, res, version)
        if isinstance(at, str):
            if bicep:
                continue  # a module: the compiler chooses the deployments API version
            at = Origin(res.origin.doc, tuple(res.origin.pointer) + (key,))
        yield Hit(at=at, bind={"reason": reason})
