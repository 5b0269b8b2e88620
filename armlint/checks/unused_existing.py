"""AL8001 unused-existing-resource: a Bicep `existing` resource that nothing refers to.

As the Bicep linter: a top-level `existing` declaration is used when its symbol appears anywhere
else in the file (a property, `parent:`, `scope:`, an output, a nested resource accessor
`x::child`), or when it declares nested resources. Existing resources nested in another
declaration are symbols of that declaration's scope, which the Bicep rule does not look at, and
neither does this one. The finding is on the symbol name."""
from __future__ import annotations

from ..engine.run import Hit
from ._bicep_util import at, facts


def check(ctx, rule):
    f = facts(ctx["model"])
    if f is None:
        return
    for res in f.resources:
        node = res.node
        if not node.existing or res.nested:
            continue
        name = node.name.name
        body = node.object
        if f.value_uses[name] > 0 or (body is not None and body.resources):
            continue
        yield Hit(at=at(f.doc, node.name), bind={"symbol": name})
