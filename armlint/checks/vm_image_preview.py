"""AL5010 vm-image-preview: a VM or scale set image whose offer, SKU or version names a preview.

The image reference is read evaluated (variables, parameter defaults, nested deployments, Bicep
modules); each of `offer`, `sku` and `version` that is a known string containing "preview" (any
casing) is one finding, at that value."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.query import known_text
from ..model.views import image_reference

PROPERTIES = ("offer", "sku", "version")


def check(ctx: ResourceContext, report: Report) -> None:
    found = image_reference(ctx.view, ctx.type)
    if found is None:
        return
    path, image = found
    what = "Scale set" if ctx.type.lower().endswith("scalesets") else "Virtual machine"
    for prop in PROPERTIES:
        value = _text(image.get(prop))
        if value is not None and "preview" in value.lower():
            report.at_path(f"{path}.{prop}", what=what, property=prop, value=value)


def _text(value):
    return value if known_text(value) else None
