"""AL6606 custom-data-secrets: a VM's or scale set's `osProfile.customData` that carries a secret.

Custom data is handed to the VM as it is (base64 text, not encrypted) and kept on its disk, and
the Compute reference says never to pass secrets or passwords in it. A value counts as a secret
when it reads a secure parameter (directly or through variables), calls a list*() function such as
listKeys(), or its known text (decoded when it is base64, as customData must be) contains a
credential: a private key block, a storage account key, a shared access signature or a password
assignment with a literal value. This needs the parameter and variable facts the other secret
rules share, which JMESPath cannot follow; hence a Python rule. The finding is on the
`customData` value.
"""
from __future__ import annotations

import binascii

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.evaluate import resolve
from ..expr.query import known_text
from ..source.lazy import pattern

TYPES = {"microsoft.compute/virtualmachines": ("properties", "osProfile"),
         "microsoft.compute/virtualmachinescalesets":
             ("properties", "virtualMachineProfile", "osProfile")}

CREDENTIALS = (
    ("a private key", pattern(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----")),
    ("a storage account key", pattern(r"AccountKey=[A-Za-z0-9+/]{40,}={0,2}")),
    ("a shared access signature", pattern(r"[?&]sig=[A-Za-z0-9%+/=]{20,}")),
    ("a password", pattern(
        r"(?i)\b(password|passwd|pwd)\b\s*[:=]\s*['\"]?(?![$%{<\[])[^\s'\"]{6,}")),
)


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    path = TYPES.get(res.type_key)
    if path is None or not res.deployed:
        return
    found = _custom_data(res.raw, res.origin, path)
    if found is None:
        return
    raw, origin = found
    what = _secret(res, raw, origin)
    if what is not None:
        kind = "Scale set" if res.type_key.endswith("scalesets") else "Virtual machine"
        report.at_origin(origin, what=kind, vm=res.display_name, secret=what)


def _custom_data(raw, origin, path):
    """(raw value, origin) of customData under `path`, keys in any casing; None if absent."""
    node = raw
    for key in path + ("customData",):
        if not isinstance(node, dict):
            return None
        actual = node.actual_key(key) if hasattr(node, "actual_key") else key
        if actual is None or actual not in node:
            return None
        origin = origin.child(actual)
        node = node[actual]
    return node, origin


def _secret(res, raw, origin) -> str | None:
    f = res.template.uses_of(raw)
    if f.lists:
        return f"the result of {f.lists[0]}()"
    secure = res.template.secure_parameters_read(f)
    if secure:
        return "secure parameter " + ", ".join(f"'{s}'" for s in secure)
    value = resolve(raw, origin, res.ctx)
    if not known_text(value):
        return None
    for text in (_decoded(value), value):
        if text is None:
            continue
        for name, pattern in CREDENTIALS:
            if pattern.search(text):
                return name
    return None


def _decoded(value: str) -> str | None:
    import base64  # here: most custom data is not base64 text to decode (issue 12: start-up)
    try:
        return base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
