"""AL6003 command-to-execute-secrets: a custom script extension whose `commandToExecute` sits in
`settings` (stored and shown in plain text) while it reads a secure parameter or calls a list*()
function.

Custom script extensions are recognised by `properties.type` (CustomScript, CustomScriptExtension,
CustomScriptForLinux; with `properties.publisher` matching when it is known), as
`*/extensions` resources and as a scale set's `extensionProfile.extensions`. Secure parameters
count when the command reads them directly or through variables. The finding is on the
`commandToExecute` key.
"""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr import parser
from ..expr.evaluate import resolve
from ..expr.query import known_text

# (publisher, type) of the custom script extensions, as the Bicep linter lists them.
CUSTOM_SCRIPT = {
    "customscript": "microsoft.azure.extensions",
    "customscriptextension": "microsoft.compute",
    "customscriptforlinux": "microsoft.ostcextensions",
}
SCALE_SETS = "microsoft.compute/virtualmachinescalesets"


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if not res.deployed:
        return
    if res.type_key == SCALE_SETS:
        path = ("properties", "virtualMachineProfile", "extensionProfile", "extensions")
        profile = _get(res.raw, path)
        if not isinstance(profile, list):
            return
        origin = _origin(res.origin, res.raw, path)
        for i, raw_ext in enumerate(profile):
            if isinstance(raw_ext, dict):
                _extension(res, raw_ext, origin.child(i), report)
    else:
        _extension(res, res.raw, res.origin, report)


def _extension(res, raw, origin, report: Report) -> None:
    settings = _get(raw, ("properties", "settings"))
    if not isinstance(settings, dict):
        return
    command_key = settings.actual_key("commandToExecute")
    if command_key is None:
        return
    ext_type = _value(res, _get(raw, ("properties", "type")))
    if not known_text(ext_type) or ext_type.lower() not in CUSTOM_SCRIPT:
        return
    publisher = _value(res, _get(raw, ("properties", "publisher")))
    if known_text(publisher) and publisher.lower() != CUSTOM_SCRIPT[ext_type.lower()]:
        return
    f = res.template.uses_of(settings[command_key])
    secrets = res.template.secure_parameters_read(f)
    if f.lists:
        what = f"{f.lists[0]}()"
    elif secrets:
        what = "secure parameter " + ", ".join(f"'{s}'" for s in secrets)
    else:
        return
    at = _origin(origin, raw, ("properties", "settings")).child(command_key)
    report.at_origin(at, part="key", what=what, type=ext_type)


def _value(res, raw):
    """A raw value as the deployment sees it (expressions evaluated)."""
    return raw if not isinstance(raw, str) or not parser.is_expression(raw) else \
        resolve(raw, None, res.ctx)


def _get(obj, path):
    for key in path:
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def _origin(origin, raw, path):
    """The origin of `path` under `raw` (written at `origin`), keys as written."""
    for key in path:
        actual = raw.actual_key(key) if hasattr(raw, "actual_key") else key
        origin = origin.child(actual)
        raw = raw.get(key) if isinstance(raw, dict) else None
    return origin
