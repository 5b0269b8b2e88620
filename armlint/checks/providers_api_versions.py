"""AL3002 providers-api-versions: `providers(...).apiVersions` read in an expression."""
from __future__ import annotations

from ..expr.ast import Index, Member, walk
from ._resources_util import call_name, expressions, expression_hit, literal_text, positioned


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
    for t, pointer, text, tree in expressions(model):
        if "providers" not in text.lower():
            continue
        tree = positioned(text, tree)
        for node in walk(tree):
            if _is_api_versions(node):
                yield expression_hit(model, t, pointer, text, node,
                                     bind={"expr": text[node.start:node.end] if node.end else
                                           "providers().apiVersions"})
