"""AL1001 duplicate-key: a key that repeats an earlier key of the same object, in any casing."""
from __future__ import annotations

from ..engine.run import Hit


def check(ctx, rule):
    model = ctx["model"]
    owner = model.root or model.parameter_file
    if owner is None:
        return
    doc = owner.origin.doc
    duplicates = getattr(doc, "duplicates", None)
    if duplicates is None:
        return
    for dup in duplicates():
        yield Hit(at=(doc, dup.key_start, dup.key_end), bind={"key": dup.key, "first": dup.first_key})
