"""The items a rule is handed, and the typed context of each, per scope kind.

Owns: which items of a file's model a rule visits (the engine iterates them; no rule walks the
model itself) and, for Python rules, the context class of each scope kind:

| kind           | items                                              | context                |
| -------------- | -------------------------------------------------- | ---------------------- |
| resources      | resources of `resource_types` (indexed by type)   | `ResourceContext`      |
| template       | templates                                          | `TemplateContext`      |
| parameters     | parameter declarations                             | `ParameterContext`     |
| variables      | variable declarations                              | `VariableContext`      |
| outputs        | output declarations                                | `OutputContext`        |
| parameter-file | the deploymentParameters file                      | `ParameterFileContext` |
| expressions    | expression strings (calling one of `functions`)    | `ExpressionContext`    |
| bicep          | Bicep syntax nodes of the classes in `nodes`        | `BicepNodeContext`     |
| document       | the file                                           | `DocumentContext`      |

With `functions`, an expression rule is handed only the expressions that call one of them (a
built-in function, in any casing; `list*`: any list...() function), as the uses pass found them
(`TemplateUses.calling`); in a Bicep file, a rule whose `nodes` include `Call` is handed the calls
of those functions only. What a file's rules share is found once per file (`FileItems`): the
resources a filter keeps.

In a Bicep file, a rule whose scope names `nodes` is handed those syntax nodes instead of its
model items (a rule about expressions or resources that reads the Bicep source where the lowered
template cannot say where: the exact node, the symbol a name refers to). `scope.templates` says
which templates' items: `all` (default: modules' templates too), `own`
(written in the linted file; a local module's file is linted on its own), `declaring` (own
templates whose parameters and variables are their own: the root and inner-scoped nested
templates; the default of `expressions`, whose outer-scoped nested templates are walked with their
parent) or `inner` (the inner-scoped nested templates alone). Resources that are `existing` references, or not deployed (condition false, zero
copies), are left out unless the scope includes them. A loop of known count is visited copy by
copy (`Resource.copies`: copyIndex() bound; a copy whose condition is false is left out too). JMESPath rules see the plain-data contexts
of contexts.py instead; their shape is documented there and kept stable.
"""
from __future__ import annotations

import fnmatch

from ..expr.values import Obj
from ..model.template import Declaration, Model, ParameterFile, Resource, Template
from ..model.uses import Expression, Expressions
from ..model.views import display_name, resource_view
from ..source.record import Plain
from .contexts import Contexts

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any, Callable, Iterator


def _shown(value: Any) -> str:
    return ", ".join(display_name(i) for i in value) if isinstance(value, list) else \
        display_name(value)


# Plain classes (a dataclass's repr, identity equality), not dataclasses: they are made when the
# module is imported, on the way of every run (issue 12: start-up).

class Context(Plain):
    """What every item's context has: the file's model, the rule's options (defaults merged with
    the configuration), and where a finding without a path goes (`anchor`)."""

    __slots__ = ("model", "options")
    _fields = __slots__

    def __init__(self, model: Model, options: Obj):
        self.model = model
        self.options = options

    @property
    def anchor(self) -> Any:
        return self

    @property
    def item(self) -> Any:
        """The item the context is pointed at (the context itself for the file's one item)."""
        return self

    @property
    def item_origin(self) -> Any:
        """The origin of the resource the context is pointed at (RawFinding.item), or None."""
        return None

    def standard_values(self) -> dict[str, str]:
        return {}

    def message_values(self, values: dict) -> dict[str, str]:
        shown = self.standard_values()
        for k, v in values.items():
            shown[k] = _shown(v)
        return shown


class DocumentContext(Context):
    """The linted file as a whole (for rules about its text or its structure as written). What
    several such rules derive alike from the file is derived once for all (`shared`)."""

    __slots__ = ("file",)
    _fields = ("model", "options", "file")

    def __init__(self, model: Model, options: Obj, file: FileItems | None = None):
        self.model = model
        self.options = options
        self.file = file

    @property
    def doc(self) -> Any:
        return self.model.document

    def shared(self, derive: Callable[[Model], Any]) -> Any:
        """`derive(model)`, worked out once per file for every rule that asks for it."""
        return derive(self.model) if self.file is None else self.file.shared(derive)


class TemplateContext(Context):
    __slots__ = ("template",)
    _fields = ("model", "options", "template")

    def __init__(self, model: Model, options: Obj, template: Template):
        self.model = model
        self.options = options
        self.template = template

    @property
    def item(self) -> Any:
        return self.template


class DeclarationContext(Context):
    __slots__ = ("declaration",)
    _fields = ("model", "options", "declaration")

    def __init__(self, model: Model, options: Obj, declaration: Declaration):
        self.model = model
        self.options = options
        self.declaration = declaration

    @property
    def item(self) -> Any:
        return self.declaration

    @property
    def template(self) -> Template:
        return self.declaration.template

    def standard_values(self) -> dict[str, str]:
        out = {"name": self.declaration.name}
        if self.declaration.section != "variables":
            out["type"] = display_name(self.declaration.declared_type)
        return out


class ParameterContext(DeclarationContext):
    __slots__ = ()


class VariableContext(DeclarationContext):
    __slots__ = ()


class OutputContext(DeclarationContext):
    __slots__ = ()


class ResourceContext(Context):
    """A resource, its resolved view (`view`: the resource JSON with expressions evaluated) and
    the JMESPath context YAML rules see (`values`: paths given to `report.at_path` are read in
    it)."""

    __slots__ = ("resource", "contexts")
    _fields = ("model", "options", "resource", "contexts")

    def __init__(self, model: Model, options: Obj, resource: Resource, contexts: Contexts):
        self.model = model
        self.options = options
        self.resource = resource
        self.contexts = contexts

    @property
    def item(self) -> Any:
        return self.resource

    @property
    def item_origin(self) -> Any:
        return self.resource.origin

    @property
    def values(self) -> Obj:
        """The JMESPath context of the resource, built on first use (and shared by the rules)."""
        return self.contexts.resource(self.resource)

    @property
    def anchor(self) -> Any:
        return self.values

    @property
    def view(self) -> Obj:
        return resource_view(self.resource)

    @property
    def type(self) -> str:
        return self.resource.type

    def standard_values(self) -> dict[str, str]:
        return {"name": self.resource.display_name or display_name(self.resource.name),
                "type": display_name(self.resource.type)}


class ParameterFileContext(Context):
    """A deploymentParameters file; `values` is the JMESPath context (`raw`, `parameters`...)."""

    __slots__ = ("parameter_file", "values")
    _fields = ("model", "options", "parameter_file", "values")

    def __init__(self, model: Model, options: Obj, parameter_file: ParameterFile, values: Obj):
        self.model = model
        self.options = options
        self.parameter_file = parameter_file
        self.values = values

    @property
    def anchor(self) -> Any:
        return self.values


class ExpressionContext(Context):
    """One expression string of a template, parsed (`expression.tree`); `report.at_node(node)`
    points inside it."""

    __slots__ = ("expression",)
    _fields = ("model", "options", "expression")

    def __init__(self, model: Model, options: Obj, expression: Expression):
        self.model = model
        self.options = options
        self.expression = expression

    @property
    def item(self) -> Any:
        return self.expression

    @property
    def template(self) -> Template:
        return self.expression.template


class BicepNodeContext(Context):
    """One syntax node of a Bicep file, with the file's semantic model (symbols, references,
    types: bicep/semantic)."""

    __slots__ = ("semantic", "node")
    _fields = ("model", "options", "semantic", "node")

    def __init__(self, model: Model, options: Obj, semantic: Any, node: Any = None):
        self.model = model
        self.options = options
        self.semantic = semantic
        self.node = node

    @property
    def item(self) -> Any:
        return self.node

    @property
    def doc(self) -> Any:
        return self.model.root_doc

    def source(self, node: Any) -> str:
        """The text of a node as written."""
        return self.semantic.text[node.start:node.end]


DECLARATION_CONTEXTS = {"parameters": ParameterContext, "variables": VariableContext,
                        "outputs": OutputContext}


def templates_of(model: Model, which: str) -> list[Template]:
    if which == "own":
        return model.own_templates
    if which == "declaring":
        return model.declaring_templates
    if which == "inner":
        return [t for t in model.declaring_templates if t.parent is not None]
    return model.templates


class FileItems:
    """The items of one file's model, found once and shared by every rule run on the file:
    resources indexed by type, the resources each filter keeps (rules that filter alike share
    the list), the declarations and expressions rules visit, and what document rules derive
    alike (`shared`)."""

    __slots__ = ("model", "is_bicep", "contexts", "by_type", "_resources", "_visited", "_lists",
                 "_calls", "_shared")

    def __init__(self, model: Model):
        self.model = model
        self.is_bicep = model.is_bicep
        self.contexts = Contexts(model)
        by_type: dict[str, list[Resource]] = {}
        for res in model.resources:
            by_type.setdefault(res.type_key, []).append(res)
        self.by_type = by_type
        self._resources: dict[int, list[Resource]] = {}  # Plan.filter_number -> resources
        self._visited: dict[tuple, tuple] = {}
        self._lists: dict[tuple, list] = {}
        self._calls: dict | None = None  # Bicep: lower-case function name -> [(index, call)]
        self._shared: dict = {}

    def calls(self, nodes: list, functions: tuple[str, ...]) -> list:
        """The Bicep calls (`nodes`: every call of the file) of the lower-case `functions`
        ('list*': a prefix), in any casing, in source order: the calls are grouped by name once
        per file for every rule that asks (each rule went through all of them)."""
        by_name = self._calls
        if by_name is None:
            by_name = self._calls = {}
            for i, call in enumerate(nodes):
                by_name.setdefault(call.name.name.lower(), []).append((i, call))
        chosen = {}  # name -> its calls: a name two of the functions name is taken once
        for f in functions:
            if f.endswith("*"):
                prefix = f[:-1]
                chosen.update((name, calls) for name, calls in by_name.items()
                              if name.startswith(prefix))
            elif f in by_name:
                chosen[f] = by_name[f]
        if not chosen:
            return []
        if len(chosen) == 1:
            [calls] = chosen.values()
            return [call for _, call in calls]
        return [call for _, call in sorted(p for calls in chosen.values() for p in calls)]

    def resources(self, plan: Plan) -> list[Resource]:
        """The resources of the rule's types (all when it names none), in the order of its
        types, without `existing` references and resources that are not deployed unless the
        rule's scope includes them; a loop of known count copy by copy (`Resource.copies`: a copy
        whose condition is false is not deployed). Found once per filter."""
        found = self._resources.get(plan.filter_number)
        if found is None:
            type_keys, templates, include_existing, include_not_deployed = plan.resource_filter
            in_order, by_type = self._visited_resources(include_existing, include_not_deployed)
            if not type_keys:
                found = in_order
            else:
                found = []
                for pattern in type_keys:
                    if "*" in pattern or "?" in pattern:
                        found.extend(r for t, rs in by_type.items()
                                     if fnmatch.fnmatchcase(t, pattern) for r in rs)
                    else:
                        found.extend(by_type.get(pattern, ()))
            if templates != "all":
                own = {id(t) for t in templates_of(self.model, templates)}
                found = [r for r in found if id(r.template) in own]
            self._resources[plan.filter_number] = found
        return found

    def _visited_resources(self, include_existing: bool, include_not_deployed: bool) -> tuple:
        """What a resource filter starts from, decided once per file for each resource: the
        visited resources (copies) in model order, and by type (in `by_type`'s order)."""
        key = (include_existing, include_not_deployed)
        found = self._visited.get(key)
        if found is None:
            in_order: list[Resource] = []
            by_type: dict[str, list[Resource]] = {t: [] for t in self.by_type}
            for res in self.model.resources:
                if res.existing and not include_existing:
                    continue
                if not include_not_deployed and res.copy_count == 0:
                    continue
                for one in res.copies:  # a loop of known count: each copy, copyIndex() bound
                    if include_not_deployed or one.condition is not False:
                        in_order.append(one)
                        by_type[res.type_key].append(one)
            found = self._visited[key] = (in_order, by_type)
        return found

    def declarations(self, kind: str, templates: str) -> list[Declaration]:
        """The parameters, variables or outputs (`kind`) of the templates `templates` names."""
        key = (kind, templates)
        found = self._lists.get(key)
        if found is None:
            found = self._lists[key] = [decl for t in templates_of(self.model, templates)
                                        for decl in getattr(t, kind)]
        return found

    def expressions(self, templates: str, functions: tuple[str, ...]) -> Expressions:
        """The expressions of the templates `templates` names (only those calling one of the
        lower-case `functions`, when given), each made as a rule visits it."""
        key = ("expressions", templates, functions)
        found = self._lists.get(key)
        if found is None:
            found = self._lists[key] = Expressions.joined([
                t.uses.calling(functions) if functions else t.uses.expressions
                for t in templates_of(self.model, templates)])
        return found

    def shared(self, derive: Callable[[Model], Any]) -> Any:
        """`derive(model)`, once per file (DocumentContext.shared)."""
        found = self._shared.get(derive, _UNSEEN)
        if found is _UNSEEN:
            found = self._shared[derive] = derive(self.model)
        return found


_UNSEEN = object()


def jmespath_items(rule: Any, items: FileItems) -> Iterator[Any]:
    """The plain-data context (contexts.py) of each item a JMESPath rule visits."""
    model, contexts = items.model, items.contexts
    kind = rule.scope_kind
    if kind == "resources":
        for res in items.resources(rule.plan):
            yield contexts.resource(res)
        yield from stand_in_contexts(rule, items)
    elif kind == "document":
        yield {"model": model}
    elif kind == "template":
        for t in templates_of(model, rule.templates):
            yield contexts.template(t)
    elif kind in DECLARATION_CONTEXTS:
        for t in templates_of(model, rule.templates):
            for decl in getattr(t, kind):
                yield contexts.declaration(t, decl)
    elif kind == "parameter-file":
        ctx = contexts.parameter_file()
        if ctx is not None:
            yield ctx


def stand_in_contexts(rule: Any, items: FileItems) -> Iterator[Any]:
    """The contexts of the stand-ins a JMESPath rule of resources visits after the resources
    (only with `scope.include_stand_ins`)."""
    if rule.include_stand_ins:
        contexts = items.contexts
        for stand in contexts.stand_ins():
            if _type_matches(rule, stand.type_key):
                yield contexts.stand_in(stand)


def _type_matches(rule: Any, type_key: str) -> bool:
    return not rule.resource_types or any(
        fnmatch.fnmatchcase(type_key, p) if "*" in p or "?" in p else p == type_key
        for p in rule.type_keys)


# The field of a Python rule's context that the engine points at each item in turn, by scope kind
FIELDS = {"resources": "resource", "template": "template", "parameters": "declaration",
          "variables": "declaration", "outputs": "declaration", "expressions": "expression",
          "bicep": "node", "document": "model", "parameter-file": "parameter_file"}
_FILTERS: dict[tuple, int] = {}  # a resource filter -> its number, the same for equal filters


class Plan:
    """What the engine reads of a rule in each file, read from the rule once (`Rule.plan`): a
    rule's fields live in an instance dictionary of some 45 entries (a read costs several times a
    slot's, a cached one's ~5 times), and a run reads them for every rule in every file. Resource
    filters are numbered: rules that filter alike share their resources in a file, found under
    the filter's number (a tuple of tuples took ~10 times as long to hash and compare)."""

    __slots__ = ("languages", "implementation", "kind", "nodes", "templates", "functions",
                 "resource_filter", "filter_number")

    def __init__(self, rule: Any):
        self.languages = rule.languages
        self.implementation = rule.implementation
        self.kind = rule.scope_kind
        self.nodes = rule.nodes
        self.templates = rule.templates
        self.functions = rule.functions
        self.resource_filter = (rule.type_keys, rule.templates, rule.include_existing,
                                rule.include_not_deployed)
        self.filter_number = _FILTERS.setdefault(self.resource_filter, len(_FILTERS))


def typed_items(rule: Any, plan: Plan, items: FileItems) -> tuple[str, list]:
    """The items a Python rule visits, and the field of its context (`typed_context`) pointed at
    each in turn: one context per rule and file, since a file has thousands of items, so a
    context is the item's only while the rule's check runs on it. A rule of Bicep nodes visits
    the file's nodes of its classes (only the calls of its `functions`, when it names Call)."""
    kind = plan.kind
    if kind == "bicep" or (plan.nodes and items.is_bicep):
        semantic = items.model.semantic
        if semantic is None:
            return "node", []
        found = []
        for name, cls in zip(plan.nodes, rule.node_classes):
            nodes = semantic.of(cls)
            if name == "Call" and plan.functions:
                nodes = items.calls(nodes, plan.functions)
            found.extend(nodes)
        return "node", found
    if kind == "resources":
        return "resource", items.resources(plan)
    if kind in DECLARATION_CONTEXTS:
        return "declaration", items.declarations(kind, plan.templates)
    if kind == "expressions":
        which = plan.templates if plan.templates != "all" else "declaring"
        return "expression", items.expressions(which, plan.functions)
    if kind == "template":
        return "template", templates_of(items.model, plan.templates)
    if kind == "document":
        return "model", [items.model]
    if kind == "parameter-file":
        found = items.model.parameter_file
        return "parameter_file", [found] if found is not None else []
    return "model", []


def typed_context(field: str, items: FileItems, plan: Plan, options: Obj) -> Context:
    """The context a Python rule is handed (see `typed_items`), not yet pointed at an item."""
    model = items.model
    if field == "node":
        return BicepNodeContext(model, options, model.semantic)
    if field == "resource":
        return ResourceContext(model, options, None, items.contexts)
    if field == "declaration":
        return DECLARATION_CONTEXTS[plan.kind](model, options, None)
    if field == "expression":
        return ExpressionContext(model, options, None)
    if field == "template":
        return TemplateContext(model, options, None)
    if field == "parameter_file":
        return ParameterFileContext(model, options, model.parameter_file,
                                    items.contexts.parameter_file())
    return DocumentContext(model, options, items)
