"""AL5012 windows-server-too-old-for-vm-agent: a Windows Server image older than the Azure
Windows VM Agent supports (Windows Server 2016 and later).

The image reference is read evaluated (variables and parameter defaults; a value not known before
deployment is not judged). Recognised: Windows Server platform images (publisher
MicrosoftWindowsServer, offer WindowsServer, SKU 2008-... or 2012-...) and SQL Server images built
on them (publisher MicrosoftSQLServer, offer ...-WS2008R2 / -WS2012 / -WS2012R2). Not reported:
gallery and managed images (their OS is not in the template), an OS disk attached instead of
created from the image, and a VM whose agent is turned off or set by an unknown value."""
from __future__ import annotations

import re

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.query import known_text
from ..expr.values import Unknown, as_bool
from ..model.views import image_reference, vm_profile
from ..source.lazy import pattern

_SKU = pattern(r"(2008|2012)(?:-(r2))?(?:-|$)", re.IGNORECASE)
_SQL_OFFER = pattern(r"-ws(2008|2012)(r2)?(?:-|$)", re.IGNORECASE)


def text(value):
    return value if known_text(value) else None


def check(ctx: ResourceContext, report: Report) -> None:
    found = image_reference(ctx.view, ctx.type)
    if found is None:
        return
    path, image = found
    publisher = (text(image.get("publisher")) or "").lower()
    offer = text(image.get("offer")) or ""
    sku = text(image.get("sku")) or ""
    version = at = None
    if publisher == "microsoftwindowsserver" and offer.lower() == "windowsserver":
        m = _SKU.match(sku)
        if m:
            version, at = m.group(1) + (" R2" if m.group(2) else ""), "sku"
    elif publisher == "microsoftsqlserver":
        m = _SQL_OFFER.search(offer)
        if m:
            version, at = m.group(1) + (" R2" if m.group(2) else ""), "offer"
    if version is None or not _agent_expected(ctx):
        return
    what = "Scale set" if ctx.type.lower().endswith("scalesets") else "Virtual machine"
    report.at_path(f"{path}.{at}", what=what, os=f"Windows Server {version}",
                   property="SKU" if at == "sku" else "offer", value=sku if at == "sku" else offer)


def _agent_expected(ctx) -> bool:
    """The VM is created from its image with the VM agent (the default)."""
    _, profile = vm_profile(ctx.view, ctx.type)
    storage = profile.get("storageProfile")
    disk = storage.get("osDisk") if isinstance(storage, dict) else None
    create = disk.get("createOption") if isinstance(disk, dict) else None
    if isinstance(create, Unknown) or (isinstance(create, str) and create.lower() == "attach"):
        return False
    os_profile = profile.get("osProfile")
    if os_profile is None:
        return True
    if not isinstance(os_profile, dict):
        return False  # unknown
    windows = os_profile.get("windowsConfiguration")
    if windows is None:
        return True
    if not isinstance(windows, dict):
        return False
    flag = windows.get("provisionVMAgent")
    if flag is None:
        return True
    return as_bool(flag) is True
