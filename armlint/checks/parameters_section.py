"""AL1004 parameters-section-missing: the file's top-level template has a `parameters` property
(in any casing); JSON the Bicep compiler generated (`metadata._generator.name` is `bicep`) is left
alone. A Python rule only because the template context evaluates every parameter and variable,
which this rule does not need."""
from __future__ import annotations

from ..engine.run import Hit


def check(ctx, rule):
    root = ctx["model"].root
    if root is None or "parameters" in root.raw:
        return
    meta = root.raw.get("metadata")
    generator = meta.get("_generator") if isinstance(meta, dict) else None
    name = generator.get("name") if isinstance(generator, dict) else None
    if isinstance(name, str) and name.lower() == "bicep":
        return
    key = root.raw.actual_key("$schema")
    yield Hit(at=root.origin.child(key) if key is not None else root.origin, part="key")
