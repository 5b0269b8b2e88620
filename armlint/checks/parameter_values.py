"""AL1009 parameter-file-value-missing: each parameter of a deploymentParameters file gives a
`value`, or a Key Vault `reference` with a `keyVault.id` that is a key vault's resource ID and a
`secretName` Key Vault accepts. Names starting with `__` are skipped, as arm-ttk does (a
convention for comments)."""
from __future__ import annotations

import re

from ..engine.items import ParameterFileContext
from ..engine.report import Report
from ..source.lazy import pattern

_VAULT_ID = pattern(
    r"^/subscriptions/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/resourceGroups/[-\w.()]{1,90}"
    r"/providers/Microsoft\.KeyVault/vaults/[a-z0-9-]{3,24}$", re.IGNORECASE)
_SECRET_NAME = pattern(r"^[A-Za-z0-9-]{1,127}$")


def _child(obj, key):
    actual = obj.actual_key(key) if hasattr(obj, "actual_key") else (key if key in obj else None)
    return actual, (obj[actual] if actual is not None else None)


def check(ctx: ParameterFileContext, report: Report) -> None:
    raw = ctx.parameter_file.raw
    params = raw.get("parameters")
    if not isinstance(params, dict):
        return
    params_origin = ctx.parameter_file.origin.child(raw.actual_key("parameters"))
    for name, entry in params.items():
        if not isinstance(name, str) or name.startswith("__"):
            continue
        at = params_origin.child(name)
        if not isinstance(entry, dict):
            report.at_origin(at, param=name, message=(
                "parameter '{param}' is not an object; write {{\"value\": ...}} or a Key Vault "
                "{{\"reference\": ...}}"))
            continue
        if "value" in entry:
            continue
        ref_key, ref = _child(entry, "reference")
        if ref_key is None:
            report.at_origin(at, part="key", param=name, message=(
                "parameter '{param}' has neither a 'value' nor a Key Vault 'reference', so it "
                "supplies nothing"))
            continue
        ref_at = at.child(ref_key)
        if not isinstance(ref, dict):
            report.at_origin(ref_at, param=name, message=(
                "the 'reference' of parameter '{param}' is not an object with 'keyVault' and "
                "'secretName'"))
            continue
        kv_key, kv = _child(ref, "keyVault")
        if kv_key is None:
            report.at_origin(ref_at, part="key", param=name, message=(
                "the Key Vault reference of parameter '{param}' has no 'keyVault'"))
        else:
            id_key, vault_id = _child(kv, "id") if isinstance(kv, dict) else (None, None)
            if id_key is None:
                report.at_origin(ref_at.child(kv_key), param=name, message=(
                    "the Key Vault reference of parameter '{param}' has no 'keyVault.id'"))
            elif not isinstance(vault_id, str) or not _VAULT_ID.match(vault_id.strip()):
                report.at_origin(ref_at.child(kv_key).child(id_key), param=name, message=(
                    "the 'keyVault.id' of parameter '{param}' is not a key vault's resource ID "
                    "(/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/"
                    "Microsoft.KeyVault/vaults/<vault>)"))
        secret_key, secret = _child(ref, "secretName")
        if secret_key is None:
            report.at_origin(ref_at, part="key", param=name, message=(
                "the Key Vault reference of parameter '{param}' has no 'secretName'"))
        elif not isinstance(secret, str) or not _SECRET_NAME.match(secret):
            report.at_origin(ref_at.child(secret_key), param=name, message=(
                "the 'secretName' of parameter '{param}' is not a Key Vault secret name (1 to "
                "127 letters, digits and dashes)"))
