"""AL3002 providers-api-versions: `providers(...).apiVersions` read in an expression."""
from __future__ import annotations

from ..expr.ast import Index, Member, arm_text, walk
from ._resources_util import mentions, call_name, expressions, expression_hit, literal_text


def _is_api_versions(node) -> bool:
    if isinstance(node, Member):
        return node.name.lower() == "apiversions" and call_name(node.target) == "providers"
    if isinstance(node, Index):
        index = literal_text(node.index)
        return index is not None and index.lower() == "apiversions" and \
            call_name(node.target) == "providers"
    return False


def check(ctx, rule):
    model = ctx["model"]
    if not mentions(model, "providers("):
        return
    for t, pointer, text, tree in expressions(model, ("providers",)):
        if "providers" not in text.lower():
            continue
        for node in walk(tree):
            if _is_api_versions(node):
                yield expression_hit(model, t, pointer, text, node,
                                     bind={"expr": arm_text(node)})
