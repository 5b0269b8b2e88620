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

from ..bicep import syntax as S
from ..engine.run import Hit
from ..expr.ast import walk
from ..expr.evaluate import evaluate, resolve
from ..expr.values import ResourceIdValue, Unknown
from ..model.names import parse_resource_id
from ._resources_util import bicep_generated, call_name, file_resources, root_doc, tree_of
from .common import bicep_nodes

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


def _json(model):
    if bicep_generated(model):
        return
    for res in file_resources(model, deployed_only=False):
        deps = res.raw.get("dependsOn")
        if not isinstance(deps, list) or not deps:
            continue
        implied = _implied(res)
        if not implied:
            continue
        key = res.raw.actual_key("dependsOn")
        for i, entry in enumerate(deps):
            target = _entry_target(res, entry, implied)
            if target is not None:
                yield Hit(at=res.origin.child(key).child(i),
                          bind={"dependency": target.symbolic_name or target.display_name})


# --- Bicep ------------------------------------------------------------------------------------

class _Symbols:
    def __init__(self, tree):
        self.resources: dict = {}  # key ("a" or "a::b") -> is a loop
        self.variables: dict = {}
        self.declarations: list = []  # (Resource node, key, parent key)
        for st in tree.statements:
            if isinstance(st, S.Resource):
                self._resource(st, st.name.name, None)
            elif isinstance(st, S.Module):
                self.resources[st.name.name] = st.loop is not None
            elif isinstance(st, S.Var):
                self.variables[st.name.name] = st.value
        self._var_refs: dict = {}

    def _resource(self, st, key, parent):
        self.resources[key] = st.loop is not None
        self.declarations.append((st, key, parent))
        body = st.object
        if body is not None:
            for child in body.resources:
                self._resource(child, f"{key}::{child.name.name}", key)

    def symbol_of(self, node) -> str | None:
        if isinstance(node, S.Variable) and node.name in self.resources:
            return node.name
        if isinstance(node, S.ResourceAccess):
            base = self.symbol_of(node.base)
            key = f"{base}::{node.name.name}" if base else None
            return key if key in self.resources else None
        return None

    def refs(self, expr, seen=None) -> set:
        out = set()
        seen = seen or set()
        for node in bicep_nodes(expr):
            sym = self.symbol_of(node)
            if sym is not None:
                out.add(sym)
            elif isinstance(node, S.Variable) and node.name in self.variables and \
                    node.name not in seen:
                out |= self.var_refs(node.name, seen | {node.name})
        return out

    def var_refs(self, name, seen) -> set:
        if name not in self._var_refs:
            self._var_refs[name] = set()  # cycles
            self._var_refs[name] = self.refs(self.variables[name], seen)
        return self._var_refs[name]


def _bicep(model):
    doc = root_doc(model)
    symbols = _Symbols(doc.tree)
    for st, key, parent in symbols.declarations:
        body = st.object
        deps = body.get("dependsOn") if body is not None else None
        if deps is None or not isinstance(deps.value, S.Array):
            continue
        inferred = set()
        if parent is not None:
            inferred.add(parent)
        for item in body.items:
            if isinstance(item, S.Property) and item is not deps:
                inferred |= symbols.refs(item.value)
        if st.condition is not None:
            inferred |= symbols.refs(st.condition)
        if st.loop is not None:
            inferred |= symbols.refs(st.loop.iterable)
        inferred.discard(key)
        for item in deps.value.items:
            sym = symbols.symbol_of(item)
            if sym is None or symbols.resources.get(sym):
                continue
            if sym in inferred:
                yield Hit(at=(doc, item.start, item.end), bind={"dependency": sym})


def check(ctx, rule):
    model = ctx["model"]
    if root_doc(model) is None:
        return
    if getattr(root_doc(model), "tree", None) is not None:
        yield from _bicep(model)
    else:
        yield from _json(model)
