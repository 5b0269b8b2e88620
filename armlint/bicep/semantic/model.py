"""The semantic model of one Bicep file: symbols, scopes, references and declared resources.

Owns: `Declarations`, the file-level declarations read from the statements alone (what every
file's check for names declared twice needs), and `SemanticModel`, built on them in one walk: the file-level symbols (outputs
apart) and every local one (loop items and indexes, lambda and function parameters, nested
resources); scopes (a `for` body, a lambda body and a resource body see their own symbols first,
so a loop variable hides a file-level one of the same name); each `Variable` resolved to its
symbol; calls and type names counted; the declared resources with their full type and API version
and the resources an expression reads; every node by class, parents first, and each node's parent
(found on first use).
Types are the `TypeInference` mixin's part.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
from collections import Counter
from typing import Any, Callable, Iterator

from armlint.bicep import syntax as S
from armlint.bicep.semantic.tree import _FIELDS, _SCALARS, _SCOPED_FIELDS, _fields, _unparen, walk
from armlint.bicep.semantic.types import BicepType, TypeInference, _ELEMENT_PARAMETER


@dataclasses.dataclass(eq=False)
class Symbol:
    """A declared name. kind: param, var, type, func, resource, module, import, namespace,
    assert, test (file level); loop-item, loop-index, lambda-param, func-param (local); a nested
    resource is a `resource` local to its parent's body."""

    kind: str
    name: str
    node: Any  # the declaring statement (or the loop / lambda / function of a local)
    ident: Any  # the name as written (an Identifier)
    local: bool = False
    references: list = dataclasses.field(default_factory=list)  # Variable nodes naming it


@dataclasses.dataclass(eq=False)
class DeclaredResource:
    node: S.Resource
    full_type: str  # without the API version
    api_version: str | None
    parent: "DeclaredResource | None"  # the enclosing resource of a nested declaration
    nested: bool
    version_span: S.Node | None = None  # where the API version is written in the type string


class _Scope:
    __slots__ = ("parent", "names")

    def __init__(self, parent: "_Scope | None", names: dict):
        self.parent = parent
        self.names = names

    def lookup(self, name: str) -> Symbol | None:
        scope = self
        while scope is not None:
            found = scope.names.get(name)
            if found is not None:
                return found
            scope = scope.parent
        return None


# The fields `_walk` visits per class, last first (None: a name or not a syntax node), and the
# classes whose body has a scope of its own (`_inner_scope`).
_VISIT: dict[type, tuple[str, ...] | None] = {}
_UNSEEN = object()
_SCOPING = frozenset({S.ForExpr, S.Lambda, S.TypedLambda, S.Resource})


def _visited_fields(cls: type) -> tuple[str, ...] | None:
    if cls is S.Identifier or not hasattr(cls, "__dataclass_fields__"):
        return None
    return tuple(reversed(_fields(cls)))


class Declarations:
    """The file-level declarations of one Bicep file, read from its statements alone (no
    expression is walked): symbols by name, the names declared twice, outputs and the declared
    resources. Enough for the parse errors Bicep gives for a name declared twice, which every
    file is checked for; the semantic model, which only the rules that ask for it build, starts
    from them."""

    def __init__(self, tree: S.BicepFile, text: str):
        self.tree = tree
        self.text = text
        self.symbols: dict[str, Symbol] = {}  # file level, by name (the first declaration)
        # (first, repeated) identifiers of a file-level name or an output declared again: Bicep's
        # BCP028 and BCP145, errors that stop it compiling the file
        self.duplicates: list[tuple[S.Identifier, S.Identifier]] = []
        self.outputs: dict[str, S.Output] = {}
        self.resources: list[DeclaredResource] = []
        self._declare()

    # -- declarations ---------------------------------------------------------------------------
    def _add(self, kind: str, ident: Any, node: Any) -> None:
        if ident is None or not isinstance(ident, S.Identifier):
            return
        first = self.symbols.setdefault(ident.name, Symbol(kind, ident.name, node, ident))
        if first.ident is not ident:
            self.duplicates.append((first.ident, ident))

    def _declare(self) -> None:
        kinds = {S.Param: "param", S.Var: "var", S.TypeDecl: "type", S.Func: "func",
                 S.Module: "module", S.Assert: "assert", S.Test: "test"}
        for st in self.tree.statements:
            kind = kinds.get(type(st))
            if kind is not None:
                self._add(kind, st.name, st)
            elif isinstance(st, S.Resource):
                self._add("resource", st.name, st)
                self._declare_resource(st, None)
            elif isinstance(st, S.Output):
                first = self.outputs.setdefault(st.name.name, st)
                if first is not st:
                    self.duplicates.append((first.name, st.name))
            elif isinstance(st, S.ImportSymbols):
                for item in st.items:
                    ident = item.alias or (item.name if isinstance(item.name, S.Identifier)
                                           else None)
                    self._add("import", ident, st)
            elif isinstance(st, S.ImportWildcard):
                self._add("namespace", st.alias, st)
            elif isinstance(st, (S.ImportLegacy, S.Extension)):
                spec = getattr(st, "spec", None)
                self._add("namespace", st.alias or (spec if isinstance(spec, S.Identifier)
                                                    else None), st)

    def _declare_resource(self, st: S.Resource, parent: DeclaredResource | None) -> None:
        spec = st.type.value or ""
        rtype, _, version = spec.partition("@")
        if parent is not None and "/" not in rtype.split("/", 1)[0] and "." not in rtype:
            rtype = f"{parent.full_type}/{rtype}"
            if not version:
                version = parent.api_version or ""
        span = None
        written = spec.partition("@")[2]
        if written:
            at = self.text.find("@" + written, st.type.start, st.type.end)
            if at >= 0:
                span = S.Node(at + 1, at + 1 + len(written))
        info = DeclaredResource(st, rtype, version or None, parent, parent is not None, span)
        self.resources.append(info)
        body = st.object
        if body is not None:
            for child in body.resources:
                self._declare_resource(child, info)


class SemanticModel(Declarations, TypeInference):
    """What one Bicep file declares and uses (see the module docstring)."""

    def __init__(self, tree: S.BicepFile, text: str,
                 module_outputs: Callable[[str], dict | None] | None = None):
        super().__init__(tree, text)
        self.module_outputs = module_outputs
        self.locals: list[Symbol] = []
        self.nodes: dict[type, list] = {}
        self.calls: Counter = Counter()  # call names (any base)
        self.type_uses: Counter = Counter()  # type names
        self._resolved: dict[int, Symbol] = {}  # id(Variable) -> symbol
        self._lambda_of: dict[int, tuple] = {}  # id(Lambda) -> (call, argument position)
        self._types: dict[int, BicepType | None] = {}
        self._typing: set[int] = set()
        self._walk()

    # -- the walk ---------------------------------------------------------------------------------
    def _walk(self) -> None:
        nodes = self.nodes
        visit = _VISIT
        resolved = self._resolved
        calls, type_uses = self.calls, self.type_uses
        Variable, Call, TypeRef = S.Variable, S.Call, S.TypeRef
        scalars, scoping, scoped_fields = _SCALARS, _SCOPING, _SCOPED_FIELDS
        top = _Scope(None, self.symbols)
        stack: list = [(st, top) for st in reversed(self.tree.statements)]
        pop, push = stack.pop, stack.append
        while stack:
            n, scope = pop()
            cls = n.__class__
            if cls is list:
                for item in reversed(n):
                    push((item, scope))
                continue
            names = visit.get(cls, _UNSEEN)
            if names is _UNSEEN:
                names = visit[cls] = _visited_fields(cls)
            if names is None:  # a name, or not a syntax node
                continue
            bucket = nodes.get(cls)
            if bucket is None:
                bucket = nodes[cls] = []
            bucket.append(n)
            if cls is Variable:
                name, seen = n.name, scope  # scope.lookup(name), inlined: most nodes are names
                while seen is not None:
                    symbol = seen.names.get(name)
                    if symbol is not None:
                        resolved[id(n)] = symbol
                        symbol.references.append(n)
                        break
                    seen = seen.parent
                continue
            if cls is TypeRef:
                type_uses[n.name] += 1
                continue
            if cls is Call:
                calls[n.name.name] += 1
                if n.name.name in _ELEMENT_PARAMETER:
                    for i, arg in enumerate(n.args):
                        if isinstance(arg, (S.Lambda, S.Paren)):
                            self._lambda_of[id(_unparen(arg))] = (n, i)
            elif cls in scoping:
                inner = self._inner_scope(n, cls, scope)
                if inner is not None:
                    for name in names:
                        value = getattr(n, name)
                        if value and not isinstance(value, scalars):
                            push((value, inner if name in scoped_fields else scope))
                    continue
            for name in names:  # last field first: popped in source order (see walk: truthy)
                value = getattr(n, name)
                if value and not isinstance(value, scalars):
                    push((value, scope))

    @functools.cached_property
    def _parents(self) -> dict[int, Any]:
        """id(node) -> the node it is written in, for the nodes `_walk` visits: built on the
        first question (few files ask one), not in the walk every file pays for."""
        parents: dict[int, Any] = {}
        fields = _FIELDS
        Variable, Identifier, TypeRef = S.Variable, S.Identifier, S.TypeRef
        stack: list = list(self.tree.statements)
        pop, extend = stack.pop, stack.extend
        while stack:
            n = pop()
            cls = n.__class__
            if cls is list:
                extend(n)
                continue
            if cls is Identifier or cls is Variable or cls is TypeRef or \
                    not hasattr(n, "__dataclass_fields__"):
                continue
            for name in fields.get(cls) or _fields(cls):
                value = getattr(n, name)
                if value is None or isinstance(value, _SCALARS):
                    continue
                if value.__class__ is list:
                    for item in value:
                        parents[id(item)] = n
                else:
                    parents[id(value)] = n
                stack.append(value)
        return parents

    def _inner_scope(self, n: Any, cls: type, scope: _Scope) -> _Scope | None:
        """The scope the body of a loop, lambda, function or resource sees, or None."""
        if cls is S.ForExpr:
            names = {}
            for kind, ident in (("loop-item", n.item), ("loop-index", n.index)):
                if ident is not None:
                    names[ident.name] = self._local(kind, ident, n)
            return _Scope(scope, names)
        if cls is S.Lambda:
            return _Scope(scope, {p.name: self._local("lambda-param", p, n) for p in n.params})
        if cls is S.TypedLambda:
            return _Scope(scope, {p.name.name: self._local("func-param", p.name, n)
                                  for p in n.params})
        if cls is S.Resource:
            body = n.object
            if body is not None and body.resources:
                return _Scope(scope, {c.name.name: self._local("resource", c.name, c)
                                      for c in body.resources})
        return None

    def _local(self, kind: str, ident: S.Identifier, node: Any) -> Symbol:
        symbol = Symbol(kind, ident.name, node, ident, local=True)
        self.locals.append(symbol)
        return symbol

    # -- questions ---------------------------------------------------------------------------------
    def of(self, cls: type) -> list:
        """The nodes of one syntax class, in source order."""
        return self.nodes.get(cls, [])

    def resolve(self, node: S.Variable) -> Symbol | None:
        """The symbol a name refers to where it is written (None: undeclared or a namespace)."""
        return self._resolved.get(id(node))

    def used(self, name: str) -> bool:
        """Whether a file-level symbol is referenced: as a value where no local name hides it,
        called, or named as a type."""
        symbol = self.symbols.get(name)
        return bool((symbol is not None and symbol.references) or self.calls[name] or
                    self.type_uses[name])

    @property
    def read_names(self) -> set[str]:
        """Names of the file-level symbols some expression reads as a value."""
        return {name for name, s in self.symbols.items() if s.references}

    def parent(self, node: Any) -> Any:
        """The node a node is written in (None for a statement)."""
        return self._parents.get(id(node))

    def ancestors(self, node: Any) -> Iterator[Any]:
        parent = self._parents.get(id(node))
        while parent is not None:
            yield parent
            parent = self._parents.get(id(parent))

    def index_span(self, access: S.IndexAccess) -> S.Node:
        """The `[index]` part of an index access, brackets included."""
        start = self.text.rfind("[", access.base.end, access.index.start)
        return S.Node(start if start >= 0 else access.index.start, access.end)

    # -- resources ----------------------------------------------------------------------------------
    @functools.cached_property
    def _resource_of_node(self) -> dict[int, DeclaredResource]:
        return {id(r.node): r for r in self.resources}

    def declared_resource(self, node: S.Resource) -> DeclaredResource | None:
        return self._resource_of_node.get(id(node))

    def resource_named(self, e: Any) -> DeclaredResource | None:
        """The declared resource an expression names: `x` or `x::child`."""
        if isinstance(e, S.Variable):
            symbol = self.symbols.get(e.name)
            if symbol is None or symbol.kind != "resource":
                return None
            return self.declared_resource(symbol.node)
        if isinstance(e, S.ResourceAccess):
            owner = self.resource_named(e.base)
            if owner is None:
                return None
            for r in self.resources:
                if r.parent is owner and r.node.name.name == e.name.name:
                    return r
        return None

    def resource_parent(self, res: DeclaredResource) -> DeclaredResource | None:
        """The parent of a declared resource: the enclosing one, or the one its `parent:`
        property names."""
        if res.parent is not None:
            return res.parent
        body = res.node.object
        prop = body.get("parent") if body is not None else None
        if prop is not None and isinstance(prop.value, S.Variable):
            return self.resource_named(prop.value)
        return None

    @staticmethod
    def resource_symbol(res: DeclaredResource) -> str:
        """How the file names a declared resource: `x`, or `x::child` for a nested one."""
        names = []
        cur = res
        while cur is not None:
            names.append(cur.node.name.name)
            cur = cur.parent  # only nesting makes `a::b`; `parent:` children have own symbols
        return "::".join(reversed(names))

    def name_chain(self, res: DeclaredResource) -> list | None:
        """The `name` values of a resource and its parents, outermost first (None when one is
        missing or the parents loop)."""
        chain = []
        cur, seen = res, set()
        while cur is not None:
            if id(cur) in seen:
                return None
            seen.add(id(cur))
            body = cur.node.object
            prop = body.get("name") if body is not None else None
            if prop is None:
                return None
            chain.append(prop.value)
            cur = self.resource_parent(cur)
        chain.reverse()
        return chain

    def resource_key(self, e: Any) -> str | None:
        """`a` or `a::b` when an expression names a declared resource or a module."""
        if isinstance(e, S.Variable):
            symbol = self.symbols.get(e.name)
            return e.name if symbol is not None and symbol.kind in ("resource", "module") else None
        if isinstance(e, S.ResourceAccess):
            found = self.resource_named(e)
            return self.resource_symbol(found) if found is not None else None
        return None

    def resources_read(self, e: Any) -> set[str]:
        """The resources and modules (`a`, `a::b`) an expression refers to, through the
        variables it reads too."""
        out: set[str] = set()
        for node in walk(e):
            key = self.resource_key(node)
            if key is not None:
                out.add(key)
            elif isinstance(node, S.Variable):
                symbol = self.resolve(node)
                if symbol is not None and symbol.kind == "var":
                    out |= self._variable_resources(symbol)
        return out

    def _variable_resources(self, symbol: Symbol) -> set[str]:
        found = self._var_resources.get(symbol.name)
        if found is None:
            self._var_resources[symbol.name] = set()  # a cycle reads nothing more
            found = self._var_resources[symbol.name] = self.resources_read(symbol.node.value)
        return found

    @functools.cached_property
    def _var_resources(self) -> dict[str, set]:
        return {}

    def statement_at(self, offset: int) -> S.Statement | None:
        """The top-level statement whose text holds `offset`."""
        starts = self._statement_starts
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0:
            st = self.tree.statements[i]
            if st.start <= offset < st.end:
                return st
        return None

    @functools.cached_property
    def _statement_starts(self) -> list[int]:
        return [st.start for st in self.tree.statements]

    def declared(self, kind: str) -> dict[str, Any]:
        """File-level declarations of one kind, name -> statement."""
        return {name: s.node for name, s in self.symbols.items() if s.kind == kind}
