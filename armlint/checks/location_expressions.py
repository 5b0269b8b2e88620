"""AL2013 location-expression-outside-params: `resourceGroup().location` or
`deployment().location` used anywhere but in a parameter declaration.

Bicep files are read from the syntax tree (every statement but `param`); ARM JSON from each
template's parsed expressions, except the `defaultValue` of its parameters. The finding points at
the expression itself.
"""
from __future__ import annotations

import re

from ..bicep import syntax as S
from ..engine.run import Hit
from ..expr.ast import Call, Member, walk
from ..expr.values import Origin
from ..model.references import template_references
from .common import bicep_nodes
from ._params_util import declaring_templates, doc_search, is_bicep
from .explicit_location_params import is_deployment_location


def check(ctx, rule):
    model = ctx["model"]
    root = model.root
    if root is None:
        return
    if is_bicep(root):
        doc = root.origin.doc
        for st in doc.tree.statements:
            if isinstance(st, S.Param):
                continue
            for node in bicep_nodes(st):
                if is_deployment_location(node):
                    yield Hit(at=(doc, node.start, node.end),
                              bind={"expr": doc.text[node.start:node.end]})
        return
    if not doc_search(root, _LOCATION):
        return  # no resourceGroup().location or deployment().location in the file
    for t in declaring_templates(model):
        for pointer, text, tree in template_references(t).expressions:
            if "location" not in text.lower() or _in_parameter_default(pointer):
                continue
            for node in walk(tree):
                if isinstance(node, Member) and node.name.lower() == "location" and \
                        isinstance(node.target, Call) and not node.target.namespace and \
                        node.target.name.lower() in ("resourcegroup", "deployment"):
                    origin = Origin(t.origin.doc, tuple(t.origin.pointer) + tuple(pointer))
                    part = "key" if pointer and pointer[-1] == text else "value"
                    yield Hit(at=origin, part=part, inner=(node.start, node.end),
                              bind={"expr": text[node.start:node.end]})


_LOCATION = re.compile(r"(?:resourcegroup|deployment)\s*\(\s*\)\s*\.\s*location")


def _in_parameter_default(pointer: tuple) -> bool:
    return len(pointer) >= 3 and isinstance(pointer[0], str) and \
        pointer[0].lower() == "parameters" and isinstance(pointer[2], str) and \
        pointer[2].lower() == "defaultvalue"
