"""AL4006 depends-on-best-practices: a dependsOn entry that is an expression starting with if()
or with concat() (unless the concat() uses copyIndex(), to name one copy of a loop)."""
from __future__ import annotations

from ..engine.run import Hit
from ..expr.ast import walk
from ._resources_util import call_name, file_resources, tree_of


def entries(res):
    """(origin, text, tree) of each expression entry of a resource's dependsOn."""
    raw = res.raw
    if "dependsOn" not in raw or not isinstance(raw["dependsOn"], list):
        return
    key = raw.actual_key("dependsOn")
    for i, entry in enumerate(raw[key]):
        tree = tree_of(entry)
        if tree is not None:
            yield res.origin.child(key).child(i), entry, tree


def check(ctx, rule):
    model = ctx["model"]
    for res in file_resources(model, deployed_only=False):
        for origin, text, tree in entries(res):
            first = call_name(tree)
            if first == "if":
                yield Hit(at=origin, message=(
                    "This dependsOn entry starts with if(): a dependency cannot be conditional; "
                    "depend on the resource itself (a dependency on a resource whose condition "
                    "is false is ignored)"))
            elif first == "concat" and not any(call_name(n) == "copyindex" for n in walk(tree)):
                yield Hit(at=origin, message=(
                    "This dependsOn entry builds a name with concat(); use resourceId() with the "
                    "resource type and name, so the dependency is not ambiguous"))
