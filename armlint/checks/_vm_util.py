"""Helpers the virtual machine rules (AL5008-AL5013) share: known strings, and a VM's or scale
set's profile and image reference read from a resource context."""
from __future__ import annotations

from typing import Any

from ..expr.values import Unknown


def text(value: Any) -> str | None:
    """The value when it is a known string, else None."""
    return value if isinstance(value, str) and not isinstance(value, Unknown) else None


def vm_profile(ctx) -> tuple[str, dict] | None:
    """(context path, object) of the part of a VM or scale set that holds `storageProfile`,
    `osProfile` and `hardwareProfile`: `properties` of a VM, `properties.virtualMachineProfile`
    of a scale set. None when it is absent or unknown."""
    props = ctx["resource"].get("properties")
    if not isinstance(props, dict):
        return None
    if ctx["type"].lower() == "microsoft.compute/virtualmachinescalesets":
        profile = props.get("virtualMachineProfile")
        path = "resource.properties.virtualMachineProfile"
    else:
        profile, path = props, "resource.properties"
    return (path, profile) if isinstance(profile, dict) else None


def image_reference(ctx) -> tuple[str, dict] | None:
    """(context path, object) of the VM's or scale set's `storageProfile.imageReference`."""
    found = vm_profile(ctx)
    if found is None:
        return None
    path, profile = found
    storage = profile.get("storageProfile")
    image = storage.get("imageReference") if isinstance(storage, dict) else None
    if not isinstance(image, dict):
        return None
    return f"{path}.storageProfile.imageReference", image
