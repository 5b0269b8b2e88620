"""AL4011 deployments-resource: a Bicep file declares a `Microsoft.Resources/deployments`
resource instead of a module."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ._resources_util import root_doc
from .common import bicep_nodes


def check(ctx, rule):
    doc = root_doc(ctx["model"])
    tree = getattr(doc, "tree", None)
    if tree is None or "microsoft.resources/deployments@" not in doc.text.lower():
        return
    for st in tree.statements:
        if not isinstance(st, S.Resource):
            continue
        for node in bicep_nodes(st):
            if isinstance(node, S.Resource) and not node.existing and \
                    (node.type.value or "").lower().startswith("microsoft.resources/deployments@"):
                yield Hit(at=(doc, node.type.start, node.type.end), bind={"symbol": node.name.name})
