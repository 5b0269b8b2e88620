"""AL4008 unnecessary-depends-on: a dependsOn entry that names a resource the declaration already
depends on through its own expressions.

Bicep (as the Bicep linter): an entry that is a resource or module symbol (not a loop) which the
resource's body also refers to (`vnet.id`, `parent: vnet`, a variable that refers to it, a
module's outputs), or which is the parent it is nested in. ARM JSON: an entry naming a resource
of the same template that the resource reads with reference() or a list*() function by its name
or symbolic name: ARM adds that dependency itself. A reference() by resource ID does not imply a
dependency in JSON, and neither does nesting a child in its parent's `resources`, so those are
not reported."""
from __future__ import annotations

from ..engine.items import BicepNodeContext, ResourceContext
from ..engine.report import Report
from ..expr.ast import walk
from ..expr.evaluate import evaluate, resolve
from ..expr.query import call_name, tree_of
from ..expr.values import ResourceIdValue, Unknown
from ..model.names import parse_resource_id

_SKIP_KEYS = ("resources", "dependson")


def _known(value) -> str | None:
    return value if isinstance(value, str) and not isinstance(value, Unknown) and \
        not isinstance(value, ResourceIdValue) else None


def _by_name(t, text: str):
    low = text.lower()
    found = [r for r in t.resources
             if (r.symbolic_name or "").lower() == low or
             (_known(r.name) is not None and r.name.lower() == low)]
    return found[0] if len(found) == 1 else None


def _implied(res) -> dict:
    """Resources of the same template that `res` reads by name with reference()/list*()."""
    out = {}
    stack = [(k, v) for k, v in res.raw.items() if k.lower() not in _SKIP_KEYS]
    nested = res.nested_template is not None
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((k, v) for k, v in value.items()
                         if not (nested and k.lower() == "template"))
        elif isinstance(value, list):
            stack.extend((key, v) for v in value)
        else:
            tree = tree_of(value)
            if tree is None:
                continue
            for node in walk(tree):
                name = call_name(node)
                if name is None or not node.args or not (name == "reference" or
                                                         name.startswith("list")):
                    continue
                target = _known(evaluate(node.args[0], res.ctx))
                if target is None or "/" in target:
                    continue
                found = _by_name(res.template, target)
                if found is not None and found is not res and found.copy is None:
                    out[id(found)] = found
    return out


def _entry_target(res, entry, candidates: dict):
    value = resolve(entry, None, res.ctx)
    if isinstance(value, ResourceIdValue):
        key = parse_resource_id(value)
        for target in candidates.values():
            if (target.type_key, target.name_key) == key:
                return target
        return None
    text = _known(value)
    if text is None:
        return None
    low = text.lower()
    for target in candidates.values():
        if (target.symbolic_name or "").lower() == low or \
                (_known(target.name) is not None and target.name.lower() == low):
            return target
    return None


def check(ctx: ResourceContext | BicepNodeContext, report: Report) -> None:
    if isinstance(ctx, BicepNodeContext):
        _bicep(ctx, report)
        return
    res = ctx.resource
    if ctx.model.is_bicep or ctx.model.bicep_generated:
        return
    deps = res.raw.get("dependsOn")
    if not isinstance(deps, list) or not deps:
        return
    implied = _implied(res)
    if not implied:
        return
    for i, entry in enumerate(deps):
        target = _entry_target(res, entry, implied)
        if target is not None:
            report.at_origin(res.origin_of("dependsOn", i),
                             dependency=target.symbolic_name or target.display_name)


def _bicep(ctx: BicepNodeContext, report: Report) -> None:
    from ..bicep import syntax as S
    st, semantic = ctx.node, ctx.semantic
    declared = semantic.declared_resource(st)
    body = st.object
    deps = body.get("dependsOn") if body is not None else None
    if declared is None or deps is None or not isinstance(deps.value, S.Array):
        return
    key = semantic.resource_symbol(declared)
    inferred = set()
    if declared.parent is not None:
        inferred.add(semantic.resource_symbol(declared.parent))
    for item in body.items:
        if isinstance(item, S.Property) and item is not deps:
            inferred |= semantic.resources_read(item.value)
    if st.condition is not None:
        inferred |= semantic.resources_read(st.condition)
    if st.loop is not None:
        inferred |= semantic.resources_read(st.loop.iterable)
    inferred.discard(key)
    for item in deps.value.items:
        sym = semantic.resource_key(item)
        if sym is None or _is_loop(semantic, item):
            continue
        if sym in inferred:
            report.at_node(item, dependency=sym)


def _is_loop(semantic, e) -> bool:
    """A dependency on a resource or module loop (which names every copy) is never redundant."""
    from ..bicep import syntax as S
    if isinstance(e, S.Variable):
        symbol = semantic.symbols.get(e.name)
        return symbol is not None and symbol.node.loop is not None
    found = semantic.resource_named(e)
    return found is not None and found.node.loop is not None
