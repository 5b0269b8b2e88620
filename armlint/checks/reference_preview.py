"""AL4003 reference-preview-api-version: reference() is given a preview apiVersion
("...-preview")."""
from __future__ import annotations

from ._resources_util import reference_calls


def check(ctx, rule):
    model = ctx["model"]
    for make_hit, fname, rtype, version in reference_calls(model, lists=False):
        if version.lower().endswith("-preview"):
            yield make_hit(bind={"version": version, "func": fname})
