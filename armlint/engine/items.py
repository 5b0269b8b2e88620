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
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..expr.values import Obj
from ..model.template import Declaration, Model, ParameterFile, Resource, Template
from ..model.uses import Expression
from ..model.views import display_name, resource_view
from .contexts import Contexts


def _shown(value: Any) -> str:
    return ", ".join(display_name(i) for i in value) if isinstance(value, list) else \
        display_name(value)


@dataclass(eq=False, slots=True)
class Context:
    """What every item's context has: the file's model, the rule's options (defaults merged with
    the configuration), and where a finding without a path goes (`anchor`)."""

    model: Model
    options: Obj

    @property
    def anchor(self) -> Any:
        return self

    def standard_values(self) -> dict[str, str]:
        return {}

    def message_values(self, values: dict) -> dict[str, str]:
        shown = self.standard_values()
        for k, v in values.items():
            shown[k] = _shown(v)
        return shown


@dataclass(eq=False, slots=True)
class DocumentContext(Context):
    """The linted file as a whole (for rules about its text or its structure as written)."""

    @property
    def doc(self) -> Any:
        return self.model.document


@dataclass(eq=False, slots=True)
class TemplateContext(Context):
    template: Template


@dataclass(eq=False, slots=True)
class DeclarationContext(Context):
    declaration: Declaration

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


@dataclass(eq=False, slots=True)
class ResourceContext(Context):
    """A resource, its resolved view (`view`: the resource JSON with expressions evaluated) and
    the JMESPath context YAML rules see (`values`: paths given to `report.at_path` are read in
    it)."""

    resource: Resource
    contexts: Contexts

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


@dataclass(eq=False, slots=True)
class ParameterFileContext(Context):
    """A deploymentParameters file; `values` is the JMESPath context (`raw`, `parameters`...)."""

    parameter_file: ParameterFile
    values: Obj

    @property
    def anchor(self) -> Any:
        return self.values


@dataclass(eq=False, slots=True)
class ExpressionContext(Context):
    """One expression string of a template, parsed (`expression.tree`); `report.at_node(node)`
    points inside it."""

    expression: Expression

    @property
    def template(self) -> Template:
        return self.expression.template


@dataclass(eq=False, slots=True)
class BicepNodeContext(Context):
    """One syntax node of a Bicep file, with the file's semantic model (symbols, references,
    types: bicep/semantic)."""

    semantic: Any
    node: Any = None

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
    resources indexed by type, and the resources each filter keeps (rules that filter alike
    share the list)."""

    __slots__ = ("model", "contexts", "by_type", "_resources", "_calls")

    def __init__(self, model: Model):
        self.model = model
        self.contexts = Contexts(model)
        by_type: dict[str, list[Resource]] = {}
        for res in model.resources:
            by_type.setdefault(res.type_key, []).append(res)
        self.by_type = by_type
        self._resources: dict[tuple, list[Resource]] = {}
        self._calls: dict | None = None  # Bicep: lower-case function name -> [(index, call)]

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

    def resources(self, rule: Any) -> list[Resource]:
        """The resources a rule visits (`resources_for`), found once per filter."""
        key = (rule.type_keys, rule.templates, rule.include_existing, rule.include_not_deployed)
        found = self._resources.get(key)
        if found is None:
            found = self._resources[key] = list(resources_for(rule, self.model, self.by_type))
        return found


def resources_for(rule: Any, model: Model, by_type: dict) -> Iterable[Resource]:
    """The resources of the rule's types (all when it names none), without `existing`
    references and resources that are not deployed unless the rule's scope includes them."""
    if not rule.resource_types:
        candidates: Iterable[Resource] = model.resources
    else:
        candidates = []
        for pattern in rule.type_keys:
            if "*" in pattern or "?" in pattern:
                candidates.extend(r for t, rs in by_type.items() if fnmatch.fnmatchcase(t, pattern)
                                  for r in rs)
            else:
                candidates.extend(by_type.get(pattern, ()))
    if rule.templates != "all":
        own = {id(t) for t in templates_of(model, rule.templates)}
        candidates = [r for r in candidates if id(r.template) in own]
    include_existing, include_not_deployed = rule.include_existing, rule.include_not_deployed
    for res in candidates:
        if res.existing and not include_existing:
            continue
        if not include_not_deployed and res.copy_count == 0:
            continue
        for one in res.copies:  # a loop of known count: each copy, with copyIndex() bound
            if include_not_deployed or one.condition is not False:
                yield one


def jmespath_items(rule: Any, items: FileItems) -> Iterator[Any]:
    """The plain-data context (contexts.py) of each item a JMESPath rule visits."""
    model, contexts = items.model, items.contexts
    kind = rule.scope_kind
    if kind == "resources":
        for res in items.resources(rule):
            yield contexts.resource(res)
        if rule.include_stand_ins:
            for stand in contexts.stand_ins():
                if _type_matches(rule, stand.type_key):
                    yield contexts.stand_in(stand)
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


def _type_matches(rule: Any, type_key: str) -> bool:
    return not rule.resource_types or any(
        fnmatch.fnmatchcase(type_key, p) if "*" in p or "?" in p else p == type_key
        for p in rule.type_keys)


def typed_items(rule: Any, items: FileItems, options: Obj) -> Iterator[Context]:
    """The typed context of each item a Python rule visits. Bicep nodes, expressions and
    declarations share one context object per rule and file, pointed at each item in turn (a
    file has thousands; their anchor is the context itself, which locates nothing by path), so a
    context is the item's only while the rule's check runs on it."""
    model, contexts = items.model, items.contexts
    kind = rule.scope_kind
    if kind == "bicep" or (rule.nodes and model.is_bicep):
        semantic = model.semantic
        if semantic is not None:
            ctx = BicepNodeContext(model, options, semantic)
            for name, cls in zip(rule.nodes, rule.node_classes):
                nodes = semantic.of(cls)
                if name == "Call" and rule.functions:
                    nodes = items.calls(nodes, rule.functions)
                for node in nodes:
                    ctx.node = node
                    yield ctx
        return
    if kind == "resources":
        for res in items.resources(rule):
            yield ResourceContext(model, options, res, contexts)
    elif kind == "document":
        yield DocumentContext(model, options)
    elif kind == "template":
        for t in templates_of(model, rule.templates):
            yield TemplateContext(model, options, t)
    elif kind in DECLARATION_CONTEXTS:
        ctx = DECLARATION_CONTEXTS[kind](model, options, None)
        for t in templates_of(model, rule.templates):
            for decl in getattr(t, kind):
                ctx.declaration = decl
                yield ctx
    elif kind == "parameter-file":
        if model.parameter_file is not None:
            yield ParameterFileContext(model, options, model.parameter_file,
                                       contexts.parameter_file())
    elif kind == "expressions":
        which = rule.templates if rule.templates != "all" else "declaring"
        ctx = ExpressionContext(model, options, None)
        functions = rule.functions
        for t in templates_of(model, which):
            for expression in t.uses.calling(functions) if functions else t.uses.expressions:
                ctx.expression = expression
                yield ctx
