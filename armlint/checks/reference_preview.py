"""AL4003 reference-preview-api-version: reference() is given a preview apiVersion
("...-preview")."""
from __future__ import annotations

from ..engine.items import BicepNodeContext, ExpressionContext
from ..engine.report import Report
from ._reference_calls import reference_calls


def check(ctx: ExpressionContext | BicepNodeContext, report: Report) -> None:
    for fname, rtype, version, arg in reference_calls(ctx, lists=False):
        if version.lower().endswith("-preview"):
            report.at_node(arg, version=version, func=fname)
