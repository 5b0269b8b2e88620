"""AL4001 api-version-not-recent: a resource's apiVersion is older than `maxAllowedAgeInDays`
while newer versions exist, is a preview although a stable version is as new or newer, or is not
a published version of the type at all.

Acceptable versions follow the Bicep linter: every stable version at most `maxAllowedAgeInDays`
old (else the newest stable version), and recent previews newer than the newest stable version.
Ages are measured from the date the API version table was generated, so a result does not change
with the day the linter runs. Types missing from the table are not reported."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.evaluate import resolve
from ..expr.query import known_text
from ._api_versions import version_verdict


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if "apiVersion" not in res.raw or (not res.existing and not res.deployed):
        return
    max_age = ctx.options.get("maxAllowedAgeInDays", 730)
    try:
        max_age = int(max_age)
    except (TypeError, ValueError):
        max_age = 730
    key = res.raw.actual_key("apiVersion")
    version = resolve(res.raw[key], None, res.ctx)
    if not known_text(version):
        return
    reason = version_verdict(res.type, version, max_age)
    if reason is None:
        return
    if ctx.model.is_bicep:
        # the version inside the Bicep type string; a module has none (the compiler chooses
        # the deployments API version)
        written = res.origin.doc.text_within(tuple(res.origin.pointer) + ("apiVersion",),
                                             version, after="@")
        if written is not None:
            report.at_node(written, reason=reason)
        return
    report.at_origin(res.origin.child(key), reason=reason)
