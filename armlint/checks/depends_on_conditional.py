"""AL4007 depends-on-conditional: a dependsOn entry that uses if()."""
from __future__ import annotations

from ..engine.run import Hit
from ..expr.ast import walk
from ._resources_util import call_name, file_resources
from .depends_on_practices import entries


def check(ctx, rule):
    model = ctx["model"]
    for res in file_resources(model, deployed_only=False):
        for origin, text, tree in entries(res):
            if any(call_name(n) == "if" for n in walk(tree)):
                yield Hit(at=origin)
