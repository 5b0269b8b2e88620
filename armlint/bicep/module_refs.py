"""The local modules a Bicep file names, read from its bytes without parsing it.

Owns: `local_modules`, a quick scan for `module <name> '<path>'` declarations that gives the
absolute paths of the local files (Bicep or JSON) they name, as the lowering joins them to the
file's folder. A run uses it to plan how long the module loader keeps a lowered file (see
`ModuleLoader.plan`), never to decide a finding: a declaration the scan misses (one split over
lines, a path with an escape) only costs lowering that module again, one it sees in a comment
only keeps a module a little longer.
"""
from __future__ import annotations

import os
import re

# the name, then the path, on the line of the keyword; registry and template-spec references
# ('br:', 'br/', 'ts:', 'ts/') are left out below
_MODULE_RE = re.compile(rb"^[ \t]*module[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]+'([^'\\\r\n$]+)'",
                        re.MULTILINE)
_REMOTE = (b"br:", b"br/", b"ts:", b"ts/")


def local_modules(path: str, data: bytes) -> list[str]:
    """The absolute paths of the local module files that the Bicep file at `path` (its bytes:
    `data`) names."""
    if b"module" not in data:
        return []
    folder = os.path.dirname(os.path.abspath(path))
    out = []
    for match in _MODULE_RE.finditer(data):
        reference = match.group(1)
        if reference.lower().startswith(_REMOTE):
            continue
        try:
            name = reference.decode("utf-8")
        except UnicodeDecodeError:
            continue
        out.append(os.path.abspath(os.path.join(folder, name)))
    return out
