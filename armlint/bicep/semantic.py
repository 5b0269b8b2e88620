"""The meaning of one Bicep file: symbols, scopes, references and the types the file states.

Owns, for one syntax tree (built once per document, on first use, by `analyze`):
- the file-level symbols (parameters, variables, types, functions, resources, modules, imports
  and namespaces, asserts, tests; outputs apart, as they are not referenced) and every local
  symbol: loop items and indexes, lambda and function parameters, nested resources;
- scopes: a `for` body, a lambda body and a resource body each see their own symbols first, so a
  loop variable that shadows a file-level variable hides it and the file-level one is not used
  there;
- references: each `Variable` resolved to the symbol it names (None: a namespace such as `sys`,
  or an undeclared name); calls and type names counted by name;
- the declared resources with their full type (nested children prefixed with their parent's) and
  API version;
- every syntax node by class, in source order (parents first), so the engine can hand each rule
  the nodes of the kinds it looks at after one walk;
- `type_of(expr)`: the type of an expression as far as the file says it: literals, declared types
  of parameters, variables, outputs and functions (user types followed), `@secure()`, loop items
  and lambda parameters from the array they range over, a resource's `name`/`id`/`type`/
  `apiVersion`, the `resourceGroup()`-style objects, and module outputs by their declared type
  when the caller knows the module (`module_outputs`). None where the file does not say.
Nothing here evaluates values or reads other files.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
from collections import Counter
from typing import Any, Callable, Iterator

from . import syntax as S

# Fields that never hold a syntax node worth visiting: names, payloads.
_SKIPPED = frozenset({"start", "end", "name", "alias", "segments", "segment_spans", "multiline",
                      "safe", "from_end", "existing", "codes", "kind", "value_text"})
_SCALARS = (str, int, float, bool)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in _SKIPPED)
        if cls is S.ForExpr:
            names = ("iterable", "body")
        _FIELDS[cls] = names
    return names


# -- types ----------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class BicepType:
    """A type as the file states it: kind is string, int, bool, null, object, array, resource,
    module or outputs (a module's `outputs` object); `item` is an array's element type;
    `nullable` a `T?`; `secure` a `@secure()` value; `resource_type` a resource's
    `Type@version` when known."""

    kind: str
    item: "BicepType | None" = None
    nullable: bool = False
    secure: bool = False
    resource_type: str | None = None
    module: str | None = None  # for the `outputs` of a module: the module's symbol

    @property
    def is_string(self) -> bool:
        return self.kind == "string" and not self.nullable


STRING = BicepType("string")
INT = BicepType("int")
BOOL = BicepType("bool")
NULL = BicepType("null")
OBJECT = BicepType("object")
ARRAY = BicepType("array")
_NAMED_TYPES = {"string": STRING, "int": INT, "bool": BOOL, "object": OBJECT, "array": ARRAY}
_ARM_TYPES = {"string": STRING, "securestring": BicepType("string", secure=True), "int": INT,
              "bool": BOOL, "object": OBJECT, "secureobject": BicepType("object", secure=True),
              "array": ARRAY}

# Built-in functions whose result is a string (Bicep's own signatures).
STRING_FUNCTIONS = frozenset({
    "format", "uniqueString", "toLower", "toUpper", "substring", "replace", "trim", "string",
    "guid", "newGuid", "base64", "base64ToString", "uri", "uriComponent",
    "uriComponentToString", "padLeft", "dataUri", "dataUriToString", "utcNow", "dateTimeAdd",
    "dateTimeFromEpoch", "join", "loadTextContent", "loadFileAsBase64", "subscriptionResourceId",
    "resourceId", "tenantResourceId", "extensionResourceId", "managementGroupResourceId",
})
# Properties of the deployment's scope objects that are strings.
CONTEXT_STRINGS = {
    "resourceGroup": {"id", "name", "location", "type"},
    "subscription": {"id", "subscriptionId", "tenantId", "displayName"},
    "tenant": {"tenantId", "displayName", "countryCode"},
    "deployment": {"name", "location"},
    "managementGroup": {"id", "name", "type"},
}
RESOURCE_STRINGS = ("name", "id", "type", "apiVersion")
# Lambda functions: the argument positions of their lambdas, and the lambda parameters (by
# position) that are elements of the array given as the first argument.
_ELEMENT_PARAMETER = {"filter": ((1,), (0,)), "map": ((1,), (0,)), "sort": ((1,), (0, 1)),
                      "toObject": ((1, 2), (0,)), "groupBy": ((1,), (0,)),
                      "reduce": ((2,), (1,))}


# -- symbols ----------------------------------------------------------------------------------------

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


class SemanticModel:
    """What one Bicep file declares and uses (see the module docstring)."""

    def __init__(self, tree: S.BicepFile, text: str,
                 module_outputs: Callable[[str], dict | None] | None = None):
        self.tree = tree
        self.text = text
        self.module_outputs = module_outputs
        self.symbols: dict[str, Symbol] = {}  # file level, by name (the first declaration)
        self.outputs: dict[str, S.Output] = {}
        self.locals: list[Symbol] = []
        self.resources: list[DeclaredResource] = []
        self.nodes: dict[type, list] = {}
        self.calls: Counter = Counter()  # call names (any base)
        self.type_uses: Counter = Counter()  # type names
        self._resolved: dict[int, Symbol] = {}  # id(Variable) -> symbol
        self._parents: dict[int, Any] = {}  # id(node) -> the node it is written in
        self._lambda_of: dict[int, tuple] = {}  # id(Lambda) -> (call, argument position)
        self._types: dict[int, BicepType | None] = {}
        self._typing: set[int] = set()
        self._declare()
        self._walk()

    # -- declarations ---------------------------------------------------------------------------
    def _add(self, kind: str, ident: Any, node: Any) -> None:
        if ident is None or not isinstance(ident, S.Identifier):
            return
        self.symbols.setdefault(ident.name, Symbol(kind, ident.name, node, ident))

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
                self.outputs.setdefault(st.name.name, st)
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

    # -- the walk ---------------------------------------------------------------------------------
    def _walk(self) -> None:
        nodes = self.nodes
        fields = _FIELDS
        resolved = self._resolved
        parents = self._parents
        calls, type_uses = self.calls, self.type_uses
        Variable, Identifier, Call, TypeRef = S.Variable, S.Identifier, S.Call, S.TypeRef
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
            if cls is Identifier or not hasattr(n, "__dataclass_fields__"):
                continue
            bucket = nodes.get(cls)
            if bucket is None:
                bucket = nodes[cls] = []
            bucket.append(n)
            if cls is Variable:
                symbol = scope.lookup(n.name)
                if symbol is not None:
                    resolved[id(n)] = symbol
                    symbol.references.append(n)
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
            inner = self._inner_scope(n, cls, scope)
            names = fields.get(cls) or _fields(cls)
            children = []
            for name in names:
                value = getattr(n, name)
                if value is not None and not isinstance(value, _SCALARS):
                    children.append((name, value))
            for name, value in reversed(children):
                if value.__class__ is list:
                    for item in value:
                        parents[id(item)] = n
                else:
                    parents[id(value)] = n
                push((value, inner if inner is not None and name in _SCOPED_FIELDS else scope))

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

    # -- types ---------------------------------------------------------------------------------------
    def type_of(self, e: Any) -> BicepType | None:
        """The type of an expression as far as the file says it (None: the file does not say)."""
        key = id(e)
        if key in self._types:
            return self._types[key]
        if key in self._typing:
            return None  # a cycle (a variable defined through itself): say nothing
        self._typing.add(key)
        try:
            found = self._type_of(e)
        finally:
            self._typing.discard(key)
        self._types[key] = found
        return found

    def _type_of(self, e: Any) -> BicepType | None:
        if isinstance(e, S.String):
            return STRING
        if isinstance(e, S.IntLit):
            return INT
        if isinstance(e, S.BoolLit):
            return BOOL
        if isinstance(e, S.NullLit):
            return NULL
        if isinstance(e, S.Object):
            return OBJECT
        if isinstance(e, S.Array):
            items = {self.type_of(i) for i in e.items if not isinstance(i, S.Spread)}
            item = items.pop() if len(items) == 1 and not any(
                isinstance(i, S.Spread) for i in e.items) else None
            return BicepType("array", item=item)
        if isinstance(e, (S.Paren, S.NonNull)):
            inner = self.type_of(e.expression)
            if isinstance(e, S.NonNull) and inner is not None and inner.nullable:
                return dataclasses.replace(inner, nullable=False)
            return inner
        if isinstance(e, S.Ternary):
            a, b = self.type_of(e.if_true), self.type_of(e.if_false)
            return a if a is not None and a == b else None
        if isinstance(e, S.Unary):
            return BOOL if e.op == "!" else INT
        if isinstance(e, S.Binary):
            if e.op in ("&&", "||", "==", "!=", "=~", "!~", "<", "<=", ">", ">="):
                return BOOL
            if e.op in ("*", "/", "%", "-", "+"):
                return INT
            return None
        if isinstance(e, S.Variable):
            return self._symbol_type(self.resolve(e))
        if isinstance(e, S.Call):
            return self._call_type(e)
        if isinstance(e, S.PropertyAccess):
            return self._property_type(e)
        if isinstance(e, S.IndexAccess):
            base = self.type_of(e.base)
            return base.item if base is not None and base.kind == "array" else None
        if isinstance(e, S.ForExpr):
            body = e.body.body if isinstance(e.body, S.IfCondition) else e.body
            return BicepType("array", item=self.type_of(body))
        return None

    def _symbol_type(self, symbol: Symbol | None) -> BicepType | None:
        if symbol is None:
            return None
        node, kind = symbol.node, symbol.kind
        if kind == "param":
            found = self.declared_type(node.type)
            if found is not None and node.decorator("secure") is not None:
                found = dataclasses.replace(found, secure=True)
            return found
        if kind == "var":
            return self.declared_type(node.type) if node.type is not None else \
                self.type_of(node.value)
        if kind == "resource":
            spec = node.type.value
            return BicepType("resource", resource_type=spec)
        if kind == "module":
            return BicepType("module")
        if kind == "loop-index":
            return INT
        if kind == "loop-item":
            iterable = self.type_of(node.iterable)
            if iterable is None and isinstance(node.iterable, S.Call) and \
                    _is_sys(node.iterable, "range"):
                return INT
            return iterable.item if iterable is not None and iterable.kind == "array" else None
        if kind == "func-param":
            for p in node.params:
                if p.name is symbol.ident:
                    return self.declared_type(p.type)
            return None
        if kind == "lambda-param":
            return self._lambda_param_type(symbol)
        return None

    def _lambda_param_type(self, symbol: Symbol) -> BicepType | None:
        """An element of the array a lambda function ranges over (`map(names, n => ...)`)."""
        lam = symbol.node
        found = self._lambda_of.get(id(lam))
        if found is None:
            return None
        call, position = found
        positions, elements = _ELEMENT_PARAMETER[call.name.name]
        index = next((i for i, p in enumerate(lam.params) if p is symbol.ident), None)
        if position not in positions or index not in elements:
            return None
        collection = self.type_of(call.args[0])
        return collection.item if collection is not None and collection.kind == "array" else None

    def _call_type(self, e: S.Call) -> BicepType | None:
        name = e.name.name
        base = e.base
        if base is not None and not (isinstance(base, S.Variable) and base.name == "sys" and
                                     self.resolve(base) is None):
            return None
        if name == "concat":
            return self._concat_type(e)
        if name in STRING_FUNCTIONS:
            return STRING
        if name == "range":
            return BicepType("array", item=INT)
        symbol = self.symbols.get(name) if base is None else None
        if symbol is not None and symbol.kind == "func":
            return self.declared_type(symbol.node.return_type)
        return None

    def _concat_type(self, e: S.Call) -> BicepType | None:
        """concat() of arrays is an array; of strings (one argument known to be a string, none an
        array) a string."""
        if len(e.args) < 2 or any(isinstance(a, (S.Array, S.Spread)) for a in e.args):
            return None
        if any(self.type_of(a) is not None and self.type_of(a).is_string for a in e.args):
            return STRING
        return None

    def _property_type(self, e: S.PropertyAccess) -> BicepType | None:
        name = e.name.name
        base = e.base
        if isinstance(base, S.Call) and base.base is None and not base.args:
            return STRING if name in CONTEXT_STRINGS.get(base.name.name, ()) else None
        owner = self.type_of(base)
        if owner is None:
            return None
        if owner.kind == "resource":
            return STRING if name in RESOURCE_STRINGS else None
        if owner.kind == "outputs" and self.module_outputs is not None:
            declared = self.module_outputs(owner.module) or {}
            arm_type = declared.get(name)
            return _ARM_TYPES.get(arm_type.lower()) if isinstance(arm_type, str) else None
        if owner.kind == "module" and name == "outputs":
            symbol = self._module_symbol(base)
            return BicepType("outputs", module=symbol.name) if symbol is not None else None
        return None

    def _module_symbol(self, e: Any) -> Symbol | None:
        while isinstance(e, S.IndexAccess):
            e = e.base
        symbol = self.resolve(e) if isinstance(e, S.Variable) else None
        return symbol if symbol is not None and symbol.kind == "module" else None

    def declared_type(self, t: Any, seen: frozenset = frozenset()) -> BicepType | None:
        """The type a type expression names (user types followed)."""
        if isinstance(t, S.TypeRef):
            found = _NAMED_TYPES.get(t.name)
            if found is not None:
                return found
            symbol = self.symbols.get(t.name)
            if symbol is None or symbol.kind != "type" or t.name in seen:
                return None
            return self.declared_type(symbol.node.value, seen | {t.name})
        if isinstance(t, S.TypePropertyAccess):
            if isinstance(t.base, S.TypeRef) and t.base.name == "sys":
                return _NAMED_TYPES.get(t.name.name)
            return None
        if isinstance(t, S.TypeNullable):
            inner = self.declared_type(t.base, seen)
            return dataclasses.replace(inner, nullable=True) if inner is not None else None
        if isinstance(t, S.TypeParen):
            return self.declared_type(t.inner, seen)
        if isinstance(t, S.TypeLiteral):
            return self.type_of(t.value) if isinstance(t.value, (S.String, S.IntLit, S.BoolLit))\
                else None
        if isinstance(t, S.TypeUnion):
            kinds = {self.declared_type(m, seen) for m in t.members}
            return kinds.pop() if len(kinds) == 1 else None
        if isinstance(t, S.TypeArray):
            return BicepType("array", item=self.declared_type(t.item, seen))
        if isinstance(t, S.TypeObject):
            return OBJECT
        if isinstance(t, S.TypeResource):
            return BicepType("resource", resource_type=t.type.value)
        return None


_SCOPED_FIELDS = frozenset({"body"})


def _unparen(e: Any) -> Any:
    while isinstance(e, S.Paren):
        e = e.expression
    return e


def _is_sys(call: S.Call, name: str) -> bool:
    return call.name.name == name and (
        call.base is None or (isinstance(call.base, S.Variable) and call.base.name == "sys"))


def walk(node: Any) -> Iterator[Any]:
    """Every syntax node under `node` (itself included), in source order, parents first. Names
    (Identifiers: declaration, property and member names) are not visited."""
    stack = [node]
    pop, extend = stack.pop, stack.extend
    fields = _FIELDS
    while stack:
        n = pop()
        cls = n.__class__
        if cls is list:
            extend(reversed(n))
            continue
        if cls is S.Identifier or not hasattr(n, "__dataclass_fields__"):
            continue
        yield n
        children = [value for name in (fields.get(cls) or _fields(cls))
                    if (value := getattr(n, name)) is not None and not isinstance(value, _SCALARS)]
        extend(reversed(children))


def is_deployment_location(node: Any) -> bool:
    """`resourceGroup().location` or `deployment().location` (also with `az.`)."""
    if not (isinstance(node, S.PropertyAccess) and node.name.name.lower() == "location"):
        return False
    call = node.base
    return isinstance(call, S.Call) and call.name.name in ("resourceGroup", "deployment") and \
        (call.base is None or (isinstance(call.base, S.Variable) and call.base.name == "az"))


def reference_call(call: S.Call, names: tuple[str, ...], lists: bool) -> tuple | None:
    """(function as written, resource type or None, API version, version argument) of a call of
    `names` (lower case), or of a list*() function when `lists`, with a literal API version."""
    if call.base is not None or len(call.args) < 2:
        return None
    name = call.name.name
    low = name.lower()
    if not (low in names or (lists and low.startswith("list"))):
        return None
    arg = call.args[1]
    version = arg.value if isinstance(arg, S.String) else None
    if not version:
        return None
    rtype = None
    first = call.args[0]
    if isinstance(first, S.Call):
        for a in first.args:
            if isinstance(a, S.String) and a.value and "/" in a.value and \
                    "." in a.value.split("/")[0]:
                rtype = a.value
                break
    return name, rtype, version, arg


def sys_decorator(node: Any, name: str) -> S.Decorator | None:
    """The decorator `@name(...)` or `@sys.name(...)` of a declaration (or type property), or
    None. Another namespace's decorator of the same name does not count."""
    for dec in getattr(node, "decorators", None) or ():
        if dec.name == name and dec.namespace in (None, "sys"):
            return dec
    return None


def is_sys_call(call: S.Call, name: str) -> bool:
    """`name(...)` or `sys.name(...)` (not a method call on a value, not a user function of
    another namespace)."""
    return _is_sys(call, name)


def same_syntax(a: Any, b: Any) -> bool:
    """Whether two syntax trees are the same, ignoring positions, whitespace and comments."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same_syntax(x, y) for x, y in zip(a, b))
    if not hasattr(a, "__dataclass_fields__"):
        return a == b
    for f in dataclasses.fields(a):
        if f.name in ("start", "end", "segment_spans"):
            continue
        if not same_syntax(getattr(a, f.name), getattr(b, f.name)):
            return False
    return True


def analyze(doc: Any) -> SemanticModel:
    """The semantic model of a Bicep document, built on first use and kept on the document."""
    found = doc.semantic
    if found is None:
        found = doc.semantic = SemanticModel(doc.tree, doc.text, _module_outputs(doc))
    return found


def _module_outputs(doc: Any) -> Callable[[str], dict | None]:
    """Output name -> declared ARM type of a module, read from the template the lowering loaded
    for it (None when the module is not known: a registry module, a missing file)."""
    def outputs(symbol: str) -> dict | None:
        value = doc.value
        resources = value.get("resources") if isinstance(value, dict) else None
        found = resources.get(symbol) if isinstance(resources, dict) else None
        for key in ("properties", "template", "outputs"):
            found = found.get(key) if isinstance(found, dict) else None
        if not isinstance(found, dict):
            return None
        return {name: out.get("type") for name, out in found.items() if isinstance(out, dict)}
    return outputs
