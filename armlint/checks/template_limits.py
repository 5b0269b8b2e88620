"""AL1010-AL1014: the template limits Azure Resource Manager enforces (parameters, variables,
resources, outputs) and Bicep's limit on asserts. One module serves the five rules; the rule's ID
says which limit it checks. Each template written in the file (inline nested templates included,
each a deployment with its own limits) is counted; local modules are counted when their own file
is linted."""
from __future__ import annotations

from ..engine.run import Hit
from ._structure_util import limit_hits

LIMITS = {
    "AL1010": ("parameters", 256, "parameters"),
    "AL1011": ("variables", 512, "variables"),
    "AL1012": ("resources", 800, "resources"),
    "AL1013": ("outputs", 64, "outputs"),
}
MAX_ASSERTS = 32


def check(ctx, rule):
    model = ctx["model"]
    if rule.id == "AL1014":
        yield from _asserts(model)
        return
    section, limit, noun = LIMITS[rule.id]
    yield from limit_hits(model, section, limit, noun)


def _asserts(model):
    from ..bicep import syntax as S
    from .common import bicep_tree
    tree = bicep_tree(model)
    if tree is None:
        return
    asserts = [st for st in tree.statements if isinstance(st, S.Assert)]
    if len(asserts) > MAX_ASSERTS:
        doc = model.root.origin.doc
        name = asserts[0].name
        yield Hit(at=(doc, name.start, name.end),
                  bind={"count": str(len(asserts)), "limit": str(MAX_ASSERTS)})
