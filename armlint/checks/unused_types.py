"""AL8003 unused-type: a user-defined type (`type x = ...`) that the file never refers to.

A type is used when its name appears in any type position (a parameter, output, variable or
function type, another type, its own recursive definition). Types marked `@export()` are meant
for other files and are not reported. The finding is on the type name."""
from __future__ import annotations

from ..engine.run import Hit
from ._bicep_util import at, facts


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    for name, decl in f.types.items():
        if decl.decorator("export") is not None or f.used(name):
            continue
        yield Hit(at=at(f.doc, decl.name), bind={"symbol": name})
