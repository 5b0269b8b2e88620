"""AL4013 use-parent-property: a Bicep child resource spells out its parent's name in its own
name (`name: '${vnet.name}/subnet1'`, `name: '${vnetName}/subnet1'`) instead of setting
`parent: vnet`.

As the Bicep linter: a resource whose type has a parent type, that has no `parent` and is not
nested, whose `name` is a string starting with the parent's name followed by '/': either
`${x.name}/...` for a declared resource x, or the same text (string parts and interpolated
expressions alike) as the name of a declared resource of the parent type that is not a loop."""
from __future__ import annotations

import re

from ..bicep import syntax as S
from ..engine.run import Hit
from ._resources_util import root_doc

_SPACE = re.compile(r"\s+")


def _type_of(res: S.Resource, parent_type: str | None) -> str:
    rtype = (res.type.value or "").split("@", 1)[0]
    if parent_type and "/" not in rtype.split("/", 1)[0] and "." not in rtype.split("/")[0]:
        return f"{parent_type}/{rtype}"
    return rtype


def _declared(tree) -> list:
    """(resource node, full type, is nested) of every resource declaration."""
    out = []

    def visit(res, parent_type, nested):
        rtype = _type_of(res, parent_type)
        out.append((res, rtype, nested))
        body = res.object
        if body is not None:
            for child in body.resources:
                visit(child, rtype, True)
    for st in tree.statements:
        if isinstance(st, S.Resource):
            visit(st, None, False)
    return out


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


def check(ctx, rule):
    doc = root_doc(ctx["model"])
    tree = getattr(doc, "tree", None)
    if tree is None:
        return
    declared = _declared(tree)
    by_symbol = {res.name.name: res for res, _rtype, nested in declared if not nested}
    by_type: dict = {}
    for res, rtype, nested in declared:
        by_type.setdefault(rtype.lower(), []).append(res)
    for res, rtype, nested in declared:
        segments = rtype.split("/")
        body = res.object
        if nested or len(segments) < 3 or body is None or body.get("parent") is not None:
            continue
        name = _name_value(res)
        if not isinstance(name, S.String):
            continue
        parent = None
        if len(name.segments) > 1 and name.segments[0] == "" and \
                name.segments[1].startswith("/") and \
                isinstance(name.expressions[0], S.PropertyAccess) and \
                name.expressions[0].name.name == "name" and \
                isinstance(name.expressions[0].base, S.Variable) and \
                name.expressions[0].base.name in by_symbol:
            parent = by_symbol[name.expressions[0].base.name]
        if parent is None:
            for candidate in by_type.get("/".join(segments[:-1]).lower(), ()):
                parent_name = _name_value(candidate)
                if parent_name is None or candidate.loop is not None:
                    continue
                if _replacement(doc, parent_name, name):
                    parent = candidate
                    break
        if parent is not None:
            yield Hit(at=(doc, name.start, name.end),
                      bind={"child": res.name.name, "parent": parent.name.name})
