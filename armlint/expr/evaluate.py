"""Static evaluation of ARM template values: what can be known before deployment, and UNKNOWN.

Owns: `TemplateScope` (what `parameters()`, `variables()` and user-defined functions mean in one
template, including nested deployments with inner or outer scope), `EvalContext` (a scope plus copy
loop indexes and lambda variables), `evaluate` (one expression tree to a value) and `resolve` (a raw
JSON value, with every expression string in it evaluated, `[[` literals unescaped and property
`copy` loops expanded, into `Obj`/`Arr` containers that remember their source `Origin`; a
document's own objects and arrays where nothing is evaluated are handed out as they are).

Rules: deterministic functions are computed; what depends on the deployment is `Unknown`, and
Unknown propagates. A problem in an expression (a missing variable, a wrong argument type) is not
raised: the value becomes Unknown, because the linter must never fire on what it cannot know.
"""
from __future__ import annotations

from itertools import islice
from types import MappingProxyType

from .limits import TooLarge, bounded, check_value
from . import parser
from .ast import ArrayLit, Call, Index, Literal, Member, Node, ObjectLit
from ..source.cidict import CIDict, Frozen, FrozenArr
from .values import Arr, Obj, Origin, Unknown, origin_of

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any, Callable


class EvalError(Exception):
    """Internal: an argument the function cannot take; the call evaluates to Unknown."""


_NOT_SET = object()


class Lazy:
    """A value resolved on first use (e.g. a nested deployment's parameter value): most are
    never read by any rule, and resolving them all up front costs more than linting."""

    __slots__ = ("_raw", "_origin", "_ctx", "_value")

    def __init__(self, raw: Any, origin: "Origin | None", ctx: "EvalContext"):
        self._raw, self._origin, self._ctx = raw, origin, ctx
        self._value = _NOT_SET

    def get(self) -> Any:
        if self._value is _NOT_SET:
            self._value = resolve(self._raw, self._origin, self._ctx)
        return self._value


class TemplateScope:
    """The names an expression in one template can see.

    `raw` is the template object; `values` are parameter values given from outside (a parameter
    file, the command line, or a parent deployment for inner-scoped nested templates), already
    resolved. `outer` is the scope that `parameters()`/`variables()` resolve against for a nested
    template with the default (outer) evaluation scope.
    """

    # Functions of this scope's own language (lower-case name -> fn(node, ctx)), called before the
    # template functions: Azure Policy rules add field(), current(), requestContext()...
    own_functions: dict | None = None

    def __init__(self, raw: dict | None, origin: Origin | None, values: dict | None = None,
                 outer: "TemplateScope | None" = None, deployment: "DeploymentContext | None" = None,
                 label: str = "", all_values: bool = False):
        self.raw = raw if isinstance(raw, dict) else {}
        # Prefixes the text of this scope's unknown parameters and variables, so that
        # parameters('name') of a nested template is not mistaken for the parent's.
        self.label = label
        self.origin = origin
        self.values = {k.lower(): v for k, v in (values or {}).items()}
        # `values` are every value the deployment gives (a nested deployment's literal
        # `parameters`): a nullable parameter it leaves out is null, not unknown
        self.all_values = all_values
        self.outer = outer
        self.deployment = deployment or DeploymentContext()
        self._parameters: dict[str, Any] = {}
        self._variables: dict[str, Any] = {}
        self._in_progress: set[tuple] = set()  # ("p" or "v", name): what is being evaluated
        params = self.raw.get("parameters")
        self._param_decls = params if isinstance(params, dict) else {}
        variables = self.raw.get("variables")
        self._var_decls = variables if isinstance(variables, dict) else {}
        self._functions = _collect_functions(self.raw.get("functions"))

    def _section_origin(self, section: str, name: str) -> Origin | None:
        if self.origin is None:
            return None
        container = self.raw.get(section)
        actual = container.actual_key(name) if hasattr(container, "actual_key") else name
        actual_section = self.raw.actual_key(section) if hasattr(self.raw, "actual_key") else section
        return self.origin.child(actual_section).child(actual)

    def parameter(self, name: str) -> Any:
        key = name.lower()
        cached = self._parameters.get(key, _NOT_SET)
        if cached is not _NOT_SET:
            return cached
        if key in self.values:
            value = self.values[key]
            if isinstance(value, Lazy):
                value = value.get()
            if value is None and ("p", key) not in self._in_progress:
                # a null value deploys the declared default (what lets a Bicep caller pass
                # `settings.?retentionDays` to a module parameter `int = 90`)
                decl = self._param_decls.get(name)
                if isinstance(decl, dict) and "defaultValue" in decl:
                    value = self.parameter_default(name)
        else:
            decl = self._param_decls.get(name)
            # the text names the parameter as it is declared, one spelling for every reference
            # (messages show it: `[parameters('appName')]`, not the lower-cased key)
            actual = getattr(self._param_decls, "actual_key", None)
            shown = (actual(name) if actual is not None else None) or key
            if not isinstance(decl, dict):
                value = Unknown(f"{self.label}parameters('{key}')", None, f"parameter '{name}' is not declared")
            elif "defaultValue" in decl:
                if ("p", key) in self._in_progress:
                    return Unknown(f"{self.label}parameters('{shown}')", None, "the default value refers to itself")
                value = self.parameter_default(name)
            elif self.all_values and decl.get("nullable") is True:
                value = None
            else:
                ptype = decl.get("type")
                kind = ptype.lower() if isinstance(ptype, str) else None
                value = Unknown(f"{self.label}parameters('{shown}')", kind,
                                f"parameter '{name}' has no default value and no value was given")
        self._parameters[key] = value
        return value

    def parameter_default(self, name: str) -> Any:
        """The declared `defaultValue`, evaluated, whatever value the deployment gives."""
        key = name.lower()
        decl = self._param_decls.get(name)
        if not isinstance(decl, dict) or "defaultValue" not in decl or ("p", key) in self._in_progress:
            return Unknown(f"{self.label}parameters('{key}')", None,
                           f"parameter '{name}' has no default value")
        self._in_progress.add(("p", key))
        try:
            origin = self._section_origin("parameters", name)
            origin = origin.child(decl.actual_key("defaultValue")) if origin else None
            return resolve(decl["defaultValue"], origin, EvalContext(self))
        finally:
            self._in_progress.discard(("p", key))

    def declares_parameter(self, name: str) -> bool:
        return name in self._param_decls

    def variable(self, name: str) -> Any:
        key = name.lower()
        cached = self._variables.get(key, _NOT_SET)
        if cached is not _NOT_SET:
            return cached
        # parameters and variables are separate names: variables('x') may read parameters('x')
        if ("v", key) in self._in_progress or key == "copy":
            return Unknown(f"{self.label}variables('{key}')", None, "the variable refers to itself")
        self._in_progress.add(("v", key))
        try:
            if name in self._var_decls:
                value = resolve(self._var_decls[name], self._section_origin("variables", name),
                                EvalContext(self))
            elif key in self.variable_copies():
                value = expand_variable_copy(self, name)
            else:
                value = Unknown(f"{self.label}variables('{key}')", None, f"variable '{name}' is not declared")
        finally:
            self._in_progress.discard(("v", key))
        self._variables[key] = value
        return value

    def variable_copies(self) -> dict[str, Any]:
        """Variables declared by the `copy` array of the variables section."""
        loops = self._var_decls.get("copy")
        out: dict[str, Any] = {}
        if isinstance(loops, list):
            for loop in loops:
                if isinstance(loop, dict) and isinstance(loop.get("name"), str):
                    out[loop["name"].lower()] = loop
        return out

    def function(self, namespace: str, name: str):
        return self._functions.get((namespace.lower(), name.lower()))


def _collect_functions(raw: Any) -> dict:
    out = {}
    if not isinstance(raw, list):
        return out
    for ns in raw:
        if not isinstance(ns, dict) or not isinstance(ns.get("namespace"), str):
            continue
        members = ns.get("members")
        if not isinstance(members, dict):
            continue
        for fname, decl in members.items():
            if isinstance(decl, dict):
                out[(ns["namespace"].lower(), fname.lower())] = decl
    return out


class DeploymentContext:
    """What the deployment would supply: unknown unless configured (e.g. a location)."""

    def __init__(self, values: dict | None = None):
        self.values = values or {}

    def scope_object(self, kind: str) -> Any:
        configured = self.values.get(kind)
        if configured is not None:
            return configured
        fields = _SCOPE_FIELDS.get(kind, ())
        obj = Obj({f: Unknown(f"{kind}().{f.lower()}", _FIELD_KINDS.get(f), f"{kind}() depends on "
                              "the deployment") for f in fields})
        return obj


_SCOPE_FIELDS = {
    "resourcegroup": ("id", "name", "type", "location", "managedBy", "tags", "properties"),
    "subscription": ("id", "subscriptionId", "tenantId", "displayName"),
    "tenant": ("countryCode", "displayName", "id", "tenantId"),
    "managementgroup": ("id", "name", "properties", "type"),
    "deployment": ("name", "properties", "location"),
    "deployer": ("objectId", "tenantId", "userPrincipalName"),
    "environment": ("name", "gallery", "graph", "portal", "graphAudience", "activeDirectoryDataLake",
                    "batch", "media", "sqlManagement", "vmImageAliasDoc", "resourceManager",
                    "authentication", "suffixes"),
}
_FIELD_KINDS = {"location": "location", "id": "resourceId", "name": "string",
                "subscriptionId": "string", "tenantId": "string"}


_NONE = MappingProxyType({})


class EvalContext:
    """A scope plus the copy-loop indexes and lambda variables in force."""

    __slots__ = ("scope", "copy", "lambdas")

    def __init__(self, scope: TemplateScope, copy: dict | None = None, lambdas: dict | None = None):
        self.scope = scope
        # read only (with_copy and with_lambda make new ones): contexts without loop indexes or
        # lambda variables, one per resource, share one empty table instead of two each
        self.copy = copy or _NONE
        self.lambdas = lambdas or _NONE

    def with_copy(self, name: str | None, index: Any) -> "EvalContext":
        copy = dict(self.copy)
        copy[(name or "").lower()] = index
        if name is not None and "" not in self.copy:
            copy[""] = index
        return EvalContext(self.scope, copy, self.lambdas)

    def with_lambda(self, names: list[str], values: list[Any]) -> "EvalContext":
        lambdas = dict(self.lambdas)
        for n, v in zip(names, values):
            lambdas[n.lower()] = v
        return EvalContext(self.scope, self.copy, lambdas)


def unknown_of(node: Node, reason: str = "", kind: str | None = None) -> Unknown:
    return Unknown("", kind, reason, node)


def evaluate(node: Node, ctx: EvalContext) -> Any:
    """The value of an expression tree; Unknown for what cannot be known."""
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Call):
        return _call(node, ctx)
    if isinstance(node, Member):
        target = evaluate(node.target, ctx)
        return member(target, node.name, node)
    if isinstance(node, Index):
        target = evaluate(node.target, ctx)
        index = evaluate(node.index, ctx)
        return item(target, index, node)
    if isinstance(node, ObjectLit):
        out = Obj()
        for k, v in node.items:
            key = evaluate(k, ctx)
            if not isinstance(key, str) or isinstance(key, Unknown):
                return unknown_of(node, "an object key is unknown")
            out[key] = evaluate(v, ctx)
        return out
    if isinstance(node, ArrayLit):
        return Arr(evaluate(i, ctx) for i in node.items)
    return unknown_of(node, "unsupported expression")


def member(target: Any, name: str, node: Node | None = None) -> Any:
    if isinstance(target, Unknown):
        return target.get(name)
    if isinstance(target, dict):
        if name in target:
            return target[name]
        return Unknown(name, None, f"property '{name}' is not set", node)
    return Unknown(name, None, f"'.{name}' of a value that is not an object", node)


def item(target: Any, index: Any, node: Node | None = None) -> Any:
    if isinstance(target, Unknown) or isinstance(index, Unknown):
        return Unknown("", None, "an unknown value is indexed", node)
    if isinstance(target, list) and isinstance(index, int) and not isinstance(index, bool):
        if -len(target) <= index < len(target) and index >= 0:
            return target[index]
    elif isinstance(target, dict) and isinstance(index, str):
        if index in target:
            return target[index]
    return Unknown("", None, "the index is out of range", node)


_tables: tuple | None = None


def _function_tables() -> tuple:
    """FUNCTIONS and LAZY_FUNCTIONS, imported on first use (the functions package imports this module)."""
    global _tables
    from .functions import FUNCTIONS, LAZY_FUNCTIONS
    _tables = FUNCTIONS, LAZY_FUNCTIONS
    return _tables


# lazy functions that hand on a value made (and measured) elsewhere
_PASSES_VALUES = frozenset({"parameters", "variables", "if", "coalesce", "and", "or",
                            "lambdavariables", "copyindex", "tryget"})


def _call(node: Call, ctx: EvalContext) -> Any:
    if node.namespace:
        return _user_function(node, ctx)
    FUNCTIONS, LAZY_FUNCTIONS = _tables or _function_tables()
    name = node.name.lower()
    own = ctx.scope.own_functions
    lazy = own.get(name) if own is not None else None
    if lazy is None:
        lazy = LAZY_FUNCTIONS.get(name)
    if lazy is not None:
        try:
            value = lazy(node, ctx)
            if name not in _PASSES_VALUES:
                check_value(value, f"the result of {node.name}()")
            return value
        except TooLarge as exc:
            return unknown_of(node, str(exc))
        except (EvalError, ValueError, TypeError, ArithmeticError, IndexError, KeyError,
                RecursionError):
            return unknown_of(node, f"{node.name}() cannot be evaluated here")
    fn = FUNCTIONS.get(name)
    if fn is None:
        if name.startswith("list"):
            return unknown_of(node, f"{node.name}() reads a deployed resource")
        return unknown_of(node, f"unknown function '{node.name}'")
    args = [evaluate(a, ctx) for a in node.args]
    try:
        value = fn(args, node, ctx)
        check_value(value, f"the result of {node.name}()")
        return value
    except TooLarge as exc:
        return unknown_of(node, str(exc))
    except (EvalError, ValueError, TypeError, ArithmeticError, IndexError, KeyError, RecursionError):
        return unknown_of(node, f"{node.name}() cannot be evaluated with these arguments")


def _user_function(node: Call, ctx: EvalContext) -> Any:
    decl = ctx.scope.function(node.namespace or "", node.name)
    if decl is None:
        return unknown_of(node, f"user-defined function '{node.namespace}.{node.name}' is not declared")
    params = decl.get("parameters") or []
    names = [p.get("name", "") for p in params if isinstance(p, dict)]
    values = [evaluate(a, ctx) for a in node.args]
    output = decl.get("output")
    if not isinstance(output, dict) or "value" not in output:
        return unknown_of(node, "the function has no output value")
    # Inside a user-defined function, parameters() are its arguments and nothing else is visible.
    scope = TemplateScope(None, None, dict(zip(names, values)), deployment=ctx.scope.deployment)
    scope._functions = ctx.scope._functions
    return resolve(output["value"], None, EvalContext(scope))


def evaluate_string(text: str, ctx: EvalContext) -> Any:
    """The value of one JSON string: an expression is evaluated, a `[[` literal unescaped."""
    if parser.is_expression(text):
        try:
            tree = parser.parse(text, positions=False)
        except parser.ExpressionSyntaxError:
            return Unknown(text, None, "the expression has a syntax error")
        return evaluate(tree, ctx)
    return parser.unescape_literal(text)


def resolve(raw: Any, origin: Origin | None, ctx: EvalContext) -> Any:
    """A raw JSON value with every expression in it evaluated; containers remember `origin`.

    A document's own object or array (`CIDict`, `Arr`) in which nothing is evaluated (no
    expression string or key, no `[[` literal, no property `copy` loop) is the value itself, not a
    copy: it is told its origin (its place in its document, set once: see `_placed`), and only
    the objects and arrays above an evaluated value are new. Copying every object a resource
    view, a variable or a default holds took three times the size of a large template. A large
    document's literal objects and arrays (`Frozen`, `FrozenArr`) are one for all the places
    they are written: they are copied where they are placed, as `_placed` copies an object
    told another place."""
    if isinstance(raw, str):
        value = evaluate_string(raw, ctx)
        if origin is not None and value is not raw and origin_of(value) is None:
            if isinstance(value, Obj):
                value.origin = origin  # made by a function: where the expression is
            elif value.__class__ in _DOCUMENT_OWN:
                value = _moved(value, origin)  # a document's own, read without its place
        return value
    if isinstance(raw, dict):
        return _resolve_object(raw, origin, ctx)
    if isinstance(raw, list):
        return _resolve_array(raw, origin, ctx)
    return raw


_SCALARS = frozenset({int, float, bool, type(None)})
_DOCUMENT_OWN = frozenset({CIDict, Arr, Frozen, FrozenArr})


def _resolve_object(raw: dict, origin: Origin | None, ctx: EvalContext) -> Any:
    out = None  # the pairs, from the first that differs from the raw object's
    same = 0  # how many pairs before that were the raw object's own
    copies = None
    for key, val in raw.items():
        if len(key) == 4 and key.lower() == "copy" and isinstance(val, list) and \
                _is_property_copy(val):
            copies = (key, val)
            if out is None:
                out = list(islice(raw.items(), same))
            continue
        name = key
        if key[:1] == "[":
            if parser.is_expression(key):
                name = evaluate_string(key, ctx)
                if not isinstance(name, str) or isinstance(name, Unknown):
                    if out is None:
                        out = list(islice(raw.items(), same))
                    continue
            else:
                name = parser.unescape_literal(key)
        cls = val.__class__
        if cls in _SCALARS or (cls is str and val[:1] != "["):
            value = val
        else:
            value = resolve(val, origin.child(key) if origin is not None else None, ctx)
        if out is None:
            if value is val and name is key:
                same += 1
                continue
            out = list(islice(raw.items(), same))
        out.append((name, value))
    if out is None:
        if raw.__class__ is CIDict or raw.__class__ is Obj:
            return raw if origin is None else _placed(raw, origin)
        out = list(raw.items())  # a plain dict: as a case-insensitive object
    obj = Obj(out)
    if copies is not None:
        _expand_property_copies(obj, copies[0], copies[1], origin, ctx)
    obj.origin = origin
    return obj


def _resolve_array(raw: list, origin: Origin | None, ctx: EvalContext) -> Any:
    out = None  # the items, from the first that differs from the raw array's
    for i, val in enumerate(raw):
        cls = val.__class__
        if cls in _SCALARS or (cls is str and val[:1] != "["):
            value = val
        else:
            value = resolve(val, origin.child(i) if origin is not None else None, ctx)
        if out is None:
            if value is val:
                continue
            out = Arr(raw[:i])
        out.append(value)
    if out is None:
        if raw.__class__ is Arr:
            return raw if origin is None else _placed(raw, origin)
        out = Arr(raw)
    out.origin = origin
    return out


def _placed(raw: Any, origin: Origin) -> Any:
    """A document's own object or array (nothing in it evaluated) with `origin`: told it the
    first time; a copy if it was told another place (an object written at two places, as a
    lowered Bicep module's template is: at its file's root and in the deployment)."""
    try:
        known = raw.origin
    except AttributeError:
        known = None
    if known is None:
        raw.origin = origin
        return raw
    if known is origin or known == origin:
        return raw
    return _moved(raw, origin)


def _moved(raw: Any, origin: Origin) -> Any:
    """A shallow copy of an object or array that says it is at `origin`."""
    out = Obj(raw) if isinstance(raw, dict) else Arr(raw)
    out.origin = origin
    return out


def _is_property_copy(loops: list) -> bool:
    return bool(loops) and all(isinstance(x, dict) and "name" in x and "input" in x for x in loops)


def _expand_property_copies(out: Obj, copy_key: str, loops: list, origin: Origin | None,
                            ctx: EvalContext) -> None:
    for i, loop in enumerate(loops):
        name = loop.get("name")
        if not isinstance(name, str):
            continue
        loop_origin = origin.child(copy_key).child(i) if origin is not None else None
        count = resolve(loop.get("count"), None, ctx)
        input_origin = loop_origin.child(loop.actual_key("input")) if loop_origin else None
        if isinstance(count, int) and not isinstance(count, bool) and 0 <= count <= 800:
            items = Arr()
            items.origin = input_origin
            try:
                items.extend(bounded((resolve(loop["input"], input_origin,
                                              ctx.with_copy(name, index))
                                      for index in range(count)), f"the copy loop '{name}'"))
            except TooLarge as exc:
                out[name] = Unknown(f"copy('{name}')", "array", str(exc))
                continue
            out[name] = items
        else:
            out[name] = Unknown(f"copy('{name}')", "array", "the copy count is unknown")


def expand_variable_copy(scope: TemplateScope, name: str) -> Any:
    loop = scope.variable_copies().get(name.lower())
    if loop is None:
        return None
    ctx = EvalContext(scope)
    count = resolve(loop.get("count"), None, ctx)
    if isinstance(count, int) and not isinstance(count, bool) and 0 <= count <= 800:
        try:
            return Arr(bounded((resolve(loop.get("input"), None, ctx.with_copy(name, i))
                                for i in range(count)), f"the copy loop '{name}'"))
        except TooLarge as exc:
            return Unknown(f"{scope.label}variables('{name.lower()}')", "array", str(exc))
    return Unknown(f"{scope.label}variables('{name.lower()}')", "array", "the copy count is unknown")


if TYPE_CHECKING:
    Function = Callable[[list, Call, EvalContext], Any]
