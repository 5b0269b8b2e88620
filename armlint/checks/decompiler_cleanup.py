"""AL8010 decompiler-cleanup: symbol names that the Bicep decompiler made up to resolve a name
clash, left in the file.

As the Bicep linter: a resource symbol ending in `<letters or digits>_resource` and a variable
ending in `<letters or digits>_var` (the suffixes the decompiler appends when a resource or a
variable has the same name as a parameter). The finding is on the symbol name, the text to
rename."""
from __future__ import annotations

import re

from ..engine.run import Hit
from ._bicep_util import at, facts

# one character before the suffix says the same as `+` for a search, in linear time
_RESOURCE = re.compile(r"[a-zA-Z0-9]_resource\Z")
_VARIABLE = re.compile(r"[a-zA-Z0-9]_var\Z")


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    for res in f.resources:
        name = res.node.name.name
        if "/" in res.full_type and _RESOURCE.search(name):
            yield Hit(at=at(f.doc, res.node.name), bind={
                "kind": "resource", "symbol": name, "suffix": "_resource"})
    for name, var in f.variables.items():
        if _VARIABLE.search(name):
            yield Hit(at=at(f.doc, var.name), bind={
                "kind": "variable", "symbol": name, "suffix": "_var"})
