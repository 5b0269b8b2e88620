"""AL4013 use-parent-property: a Bicep child resource spells out its parent's name in its own
name (`name: '${vnet.name}/subnet1'`, `name: '${vnetName}/subnet1'`) instead of setting
`parent: vnet`.

As the Bicep linter: a resource whose type has a parent type, that has no `parent` and is not
nested, whose `name` is a string starting with the parent's name followed by '/': either
`${x.name}/...` for a declared resource x, or the same text (string parts and interpolated
expressions alike) as the name of a declared resource of the parent type that is not a loop."""
from __future__ import annotations


from ..bicep import syntax as S
from ..engine.items import BicepNodeContext
from ..engine.report import Report
from ..source.lazy import pattern

_SPACE = pattern(r"\s+")


def _text(doc, node) -> str:
    return _SPACE.sub("", doc.text[node.start:node.end])


def _name_value(res):
    body = res.object
    prop = body.get("name") if body is not None else None
    return prop.value if prop is not None else None


def _replacement(doc, parent_name, child: S.String) -> bool:
    """Whether `child` is `parent_name` followed by '/...'."""
    if not isinstance(parent_name, S.String):
        return (len(child.segments) > 1 and child.segments[0] == "" and
                child.segments[1].startswith("/") and child.expressions and
                _text(doc, child.expressions[0]) == _text(doc, parent_name))
    p_segs, c_segs = parent_name.segments, child.segments
    if len(c_segs) < len(p_segs) or len(child.expressions) < len(parent_name.expressions):
        return False
    last = len(p_segs) - 1
    for i in range(len(p_segs)):
        if i < last and c_segs[i] != p_segs[i]:
            return False
        if i == last:
            seg, parent_seg = c_segs[i], p_segs[i]
            if len(seg) <= len(parent_seg) or not seg.startswith(parent_seg) or \
                    seg[len(parent_seg)] != "/":
                return False
    return all(_text(doc, a) == _text(doc, b)
               for a, b in zip(child.expressions, parent_name.expressions))


def check(ctx: BicepNodeContext, report: Report) -> None:
    node, semantic, doc = ctx.node, ctx.semantic, ctx.doc
    res = semantic.declared_resource(node)
    if res is None or res.nested:
        return
    body = node.object
    segments = res.full_type.split("/")
    if len(segments) < 3 or body is None or body.get("parent") is not None:
        return
    name = _name_value(node)
    if not isinstance(name, S.String):
        return
    parent = None
    if len(name.segments) > 1 and name.segments[0] == "" and \
            name.segments[1].startswith("/") and \
            isinstance(name.expressions[0], S.PropertyAccess) and \
            name.expressions[0].name.name == "name":
        found = semantic.resource_named(name.expressions[0].base) \
            if isinstance(name.expressions[0].base, S.Variable) else None
        parent = found.node if found is not None else None
    if parent is None:
        parent_type = "/".join(segments[:-1]).lower()
        for candidate in semantic.resources:
            if candidate.full_type.lower() != parent_type:
                continue
            parent_name = _name_value(candidate.node)
            if parent_name is None or candidate.node.loop is not None:
                continue
            if _replacement(doc, parent_name, name):
                parent = candidate.node
                break
    if parent is not None:
        report.at_node(name, child=node.name.name, parent=parent.name.name)
