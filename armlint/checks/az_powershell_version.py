"""AL5013 deployment-script-old-az-powershell: an AzurePowerShell deployment script that asks for
an Az PowerShell version older than the rule's `minimumVersion` (11.0 by default, as the Bicep
linter).

The kind and the version are read evaluated; a value not known before deployment, or a version
that is not a dotted number, is not judged. Versions compare as .NET `System.Version` does (the
Bicep linter's way): `11.0` is not older than `11.0`, `10.4` is."""
from __future__ import annotations


from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.query import known_text
from ..source.lazy import pattern

_VERSION = pattern(r"\s*(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*\Z")
DEFAULT_MINIMUM = "11.0"


def parse_version(value: str) -> tuple | None:
    """A `System.Version`-like key (missing build and revision are -1), or None."""
    m = _VERSION.match(value)
    if not m:
        return None
    return tuple(int(g) if g is not None else -1 for g in m.groups())


def text(value):
    return value if known_text(value) else None


def check(ctx: ResourceContext, report: Report) -> None:
    if (text(ctx.view.get("kind")) or "").lower() != "azurepowershell":
        return
    props = ctx.view.get("properties")
    if not isinstance(props, dict):
        return
    version = text(props.get("azPowerShellVersion"))
    parsed = parse_version(version) if version is not None else None
    if parsed is None:
        return
    minimum = str(ctx.options.get("minimumVersion", DEFAULT_MINIMUM)).strip()
    floor = parse_version(minimum)
    if floor is None:  # not a version: the default, as the Bicep linter does
        minimum, floor = DEFAULT_MINIMUM, parse_version(DEFAULT_MINIMUM)
    if parsed < floor:
        report.at_path("resource.properties.azPowerShellVersion", version=version.strip(),
                       minimum=minimum)
