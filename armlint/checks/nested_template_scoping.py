"""AL4012 nested-deployment-template-scoping: a nested deployment evaluated in the inner scope
refers to something declared only in the outer template.

JSON: in a nested template with `expressionEvaluationOptions.scope` 'inner', a `parameters('x')`
or `variables('x')` that the nested template does not declare but the outer template does (ARM
looks it up in the nested template only and fails). Bicep: in the `template` of a
`Microsoft.Resources/deployments` resource with inner scope, a reference to a parameter,
variable, resource, module or function declared in the file."""
from __future__ import annotations

from ..bicep import syntax as S
from ..engine.run import Hit
from ..expr.ast import walk
from ._resources_util import (call_name, declared, expression_hit, literal_text,
                              root_doc)
from .common import bicep_nodes
from ..model.references import template_references


def _json(model):
    doc = root_doc(model)
    if "inner" not in doc.text.lower():
        return
    for t in model.templates:
        if t.parent is None or t.scope is t.parent.scope or t.origin.doc is not doc:
            continue
        outer = t.parent
        while outer.parent is not None and outer.scope is outer.parent.scope:
            outer = outer.parent
        for pointer, text, tree in template_references(t).expressions:
            for node in walk(tree):
                section = call_name(node)
                if section not in ("parameters", "variables") or not node.args:
                    continue
                name = literal_text(node.args[0])
                if name is None:
                    continue
                own, theirs = declared(t, section), declared(outer, section)
                if name in own or name not in theirs:
                    continue
                kind = "parameter" if section == "parameters" else "variable"
                yield expression_hit(model, t, pointer, text, node, bind={
                    "symbol": name, "kind": kind,
                    "deployment": t.deployment.display_name if t.deployment else ""})


def _property(obj, name):
    if not isinstance(obj, S.Object):
        return None
    for item in obj.items:
        if isinstance(item, S.Property) and (item.name or "").lower() == name:
            return item.value
    return None


def _bicep(model):
    doc = root_doc(model)
    tree = doc.tree
    low = doc.text.lower()
    if "microsoft.resources/deployments@" not in low or "inner" not in low:
        return
    kinds = {}
    for st in tree.statements:
        for cls, kind in ((S.Param, "parameter"), (S.Var, "variable"), (S.Resource, "resource"),
                          (S.Module, "module"), (S.Func, "function")):
            if isinstance(st, cls):
                kinds[st.name.name] = kind
    for st in tree.statements:
        if not isinstance(st, S.Resource):
            continue
        for res in bicep_nodes(st):
            if not isinstance(res, S.Resource) or \
                    not (res.type.value or "").lower().startswith("microsoft.resources/deployments@"):
                continue
            props = _property(res.object, "properties")
            template = _property(props, "template")
            options = _property(props, "expressionevaluationoptions")
            scope = _property(options, "scope")
            if template is None or not (isinstance(scope, S.String) and
                                        (scope.value or "").lower() == "inner"):
                continue
            for node in bicep_nodes(template):
                if isinstance(node, S.Variable) and node.name in kinds:
                    yield Hit(at=(doc, node.start, node.end), bind={
                        "symbol": node.name, "kind": kinds[node.name],
                        "deployment": res.name.name})


def check(ctx, rule):
    model = ctx["model"]
    if root_doc(model) is None:
        return
    if getattr(root_doc(model), "tree", None) is not None:
        yield from _bicep(model)
    else:
        yield from _json(model)
