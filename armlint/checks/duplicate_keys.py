"""AL1001 duplicate-key: a key that repeats an earlier key of the same object, in any casing."""
from __future__ import annotations

from ..engine.items import DocumentContext
from ..engine.report import Report


def check(ctx: DocumentContext, report: Report) -> None:
    duplicates = getattr(ctx.doc, "duplicates", None)
    if duplicates is None:
        return
    for dup in duplicates():  # the JSON reader's record of where each repeated key is
        report.at_text(dup.key_start, dup.key_end, key=dup.key, first=dup.first_key)
