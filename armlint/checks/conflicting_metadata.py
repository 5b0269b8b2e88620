"""AL1015 conflicting-metadata (Bicep): a `description` property inside `@metadata({...})` on a
declaration that also has `@description(...)`. The compiler writes the decorator's text over the
property, so the property is dead text. Every decorated node is checked (parameters, variables,
outputs, types and their properties, functions, resources, modules). The property name is compared
without regard to case, as Resource Manager compares metadata keys."""
from __future__ import annotations

import re

from ..engine.run import Hit
from ._structure_util import sys_decorator
from .common import bicep_tree, document_nodes

_METADATA = re.compile(r"@\s*(?:sys\s*\.\s*)?metadata\s*\(")
# (property inside @metadata, decorator that sets it)
_SET_BY_DECORATOR = (("description", "description"),)


def check(ctx, rule):
    model = ctx["model"]
    tree = bicep_tree(model)
    if tree is None:
        return
    doc = model.root.origin.doc
    if not _METADATA.search(doc.text):
        return
    from ..bicep import syntax as S
    for node in document_nodes(doc):
        if not getattr(node, "decorators", None):
            continue
        meta = sys_decorator(node, "metadata")
        if meta is None or not meta.args or not isinstance(meta.args[0], S.Object):
            continue
        for prop in meta.args[0].properties:
            name = prop.name
            if name is None:
                continue
            for key, decorator in _SET_BY_DECORATOR:
                if name.lower() == key and sys_decorator(node, decorator) is not None:
                    yield Hit(at=(doc, prop.key.start, prop.key.end),
                              bind={"property": name, "decorator": decorator})
