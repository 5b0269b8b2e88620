"""AL5010 vm-image-preview: a VM or scale set image whose offer, SKU or version names a preview.

The image reference is read evaluated (variables, parameter defaults, nested deployments, Bicep
modules); each of `offer`, `sku` and `version` that is a known string containing "preview" (any
casing) is one finding, at that value."""
from __future__ import annotations

from ..engine.run import Hit
from ._vm_util import image_reference, text

PROPERTIES = ("offer", "sku", "version")


def check(ctx, rule):
    found = image_reference(ctx)
    if found is None:
        return
    path, image = found
    what = "Scale set" if ctx["type"].lower().endswith("scalesets") else "Virtual machine"
    for prop in PROPERTIES:
        value = text(image.get(prop))
        if value is not None and "preview" in value.lower():
            yield Hit(at=f"{path}.{prop}", bind={"what": what, "property": prop, "value": value})
