"""AL1009 parameter-file-value-missing: each parameter of a deploymentParameters file gives a
`value`, or a Key Vault `reference` with a `keyVault.id` that is a key vault's resource ID and a
`secretName` Key Vault accepts. Names starting with `__` are skipped, as arm-ttk does (a
convention for comments)."""
from __future__ import annotations

import re

from ..engine.run import Hit

_VAULT_ID = re.compile(
    r"^/subscriptions/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/resourceGroups/[-\w.()]{1,90}"
    r"/providers/Microsoft\.KeyVault/vaults/[a-z0-9-]{3,24}$", re.IGNORECASE)
_SECRET_NAME = re.compile(r"^[A-Za-z0-9-]{1,127}$")


def _child(obj, key):
    actual = obj.actual_key(key) if hasattr(obj, "actual_key") else (key if key in obj else None)
    return actual, (obj[actual] if actual is not None else None)


def check(ctx, rule):
    params = ctx["raw"].get("parameters")
    origin = ctx["raw"].origin
    if not isinstance(params, dict):
        return
    params_origin = origin.child(ctx["raw"].actual_key("parameters"))
    for name, entry in params.items():
        if not isinstance(name, str) or name.startswith("__"):
            continue
        at = params_origin.child(name)
        if not isinstance(entry, dict):
            yield Hit(at=at, message=f"parameter '{name}' is not an object; write "
                      f"{{\"value\": ...}} or a Key Vault {{\"reference\": ...}}")
            continue
        if "value" in entry:
            continue
        ref_key, ref = _child(entry, "reference")
        if ref_key is None:
            yield Hit(at=at, part="key", message=f"parameter '{name}' has neither a 'value' nor a "
                      f"Key Vault 'reference', so it supplies nothing")
            continue
        ref_at = at.child(ref_key)
        if not isinstance(ref, dict):
            yield Hit(at=ref_at, message=f"the 'reference' of parameter '{name}' is not an object "
                      f"with 'keyVault' and 'secretName'")
            continue
        kv_key, kv = _child(ref, "keyVault")
        if kv_key is None:
            yield Hit(at=ref_at, part="key", message=f"the Key Vault reference of parameter "
                      f"'{name}' has no 'keyVault'")
        else:
            id_key, vault_id = _child(kv, "id") if isinstance(kv, dict) else (None, None)
            if id_key is None:
                yield Hit(at=ref_at.child(kv_key), message=f"the Key Vault reference of "
                          f"parameter '{name}' has no 'keyVault.id'")
            elif not isinstance(vault_id, str) or not _VAULT_ID.match(vault_id.strip()):
                yield Hit(at=ref_at.child(kv_key).child(id_key), message=(
                    f"the 'keyVault.id' of parameter '{name}' is not a key vault's resource ID "
                    f"(/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/"
                    f"Microsoft.KeyVault/vaults/<vault>)"))
        secret_key, secret = _child(ref, "secretName")
        if secret_key is None:
            yield Hit(at=ref_at, part="key", message=f"the Key Vault reference of parameter "
                      f"'{name}' has no 'secretName'")
        elif not isinstance(secret, str) or not _SECRET_NAME.match(secret):
            yield Hit(at=ref_at.child(secret_key), message=(
                f"the 'secretName' of parameter '{name}' is not a Key Vault secret name (1 to "
                f"127 letters, digits and dashes)"))
