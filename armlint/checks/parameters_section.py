"""AL1004 parameters-section-missing: the file's top-level template has a `parameters` property
(in any casing); JSON the Bicep compiler generated (`metadata._generator.name` is `bicep`) is left
alone. A Python rule only because the template context evaluates every parameter and variable,
which this rule does not need."""
from __future__ import annotations

from ..engine.items import DocumentContext
from ..engine.report import Report


def check(ctx: DocumentContext, report: Report) -> None:
    root = ctx.model.root
    if root is None or "parameters" in root.raw or ctx.model.bicep_generated:
        return
    key = root.raw.actual_key("$schema")
    report.at_origin(root.origin.child(key) if key is not None else root.origin, part="key")
