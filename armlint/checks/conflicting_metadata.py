"""AL1015 conflicting-metadata (Bicep): a `description` property inside `@metadata({...})` on a
declaration that also has `@description(...)`. The compiler writes the decorator's text over the
property, so the property is dead text. Every decorated node is checked (parameters, variables,
outputs, types and their properties, functions, resources, modules). The property name is compared
without regard to case, as Resource Manager compares metadata keys."""
from __future__ import annotations


from ..bicep import syntax as S
from ..bicep.semantic import sys_decorator
from ..engine.items import BicepNodeContext
from ..engine.report import Report
from ..source.lazy import pattern

_METADATA = pattern(r"@\s*(?:sys\s*\.\s*)?metadata\s*\(")
# (property inside @metadata, decorator that sets it)
_SET_BY_DECORATOR = (("description", "description"),)


def check(ctx: BicepNodeContext, report: Report) -> None:
    node = ctx.node
    if not node.decorators or not ctx.model.root.search(_METADATA):
        return
    meta = sys_decorator(node, "metadata")
    if meta is None or not meta.args or not isinstance(meta.args[0], S.Object):
        return
    for prop in meta.args[0].properties:
        name = prop.name
        if name is None:
            continue
        for key, decorator in _SET_BY_DECORATOR:
            if name.lower() == key and sys_decorator(node, decorator) is not None:
                report.at_node(prop.key, property=name, decorator=decorator)

