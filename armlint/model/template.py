"""The template model's data: templates, their declarations, and flattened, linked resources.

Owns: the plain data classes every rule reads, the same for ARM JSON and Bicep. A `Model` is one
linted file: its root `Template`, every nested inline template, and every resource of all of them,
each resource with its full type and name, its parent and children, and the resources attached to
it (extension resources whose `scope` is it, and the few properties that point at a resource, such
as a Backup protected item's `sourceResourceId`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..expr.evaluate import EvalContext, TemplateScope, resolve
from ..expr.values import Origin, Unknown
from .names import join_names, name_key

SCOPES = ("resourceGroup", "subscription", "managementGroup", "tenant")


@dataclass(eq=False)
class Declaration:
    """A parameter, variable, output or user function: its name, raw JSON and where it is."""

    section: str
    name: str
    raw: Any
    origin: Origin


_UNSET = object()


@dataclass(eq=False)
class Resource:
    template: "Template"
    raw: dict
    origin: Origin
    type: str  # full type, e.g. Microsoft.Compute/virtualMachines/extensions
    api_version: Any = None
    symbolic_name: str | None = None
    parent: "Resource | None" = None
    children: list["Resource"] = field(default_factory=list)
    attached: list["Resource"] = field(default_factory=list)  # resources that point at this one
    existing: bool = False
    copy: dict | None = None
    nested_template: "Template | None" = None  # for deployments with an inline template
    ctx: EvalContext | None = None
    # a short-form child (`"type": "extensions"`) whose full name starts with this resource's name
    name_prefix: "Resource | None" = None
    _name: Any = _UNSET
    _name_key: Any = None
    _condition: Any = _UNSET
    _view: Any = None

    @property
    def name(self) -> Any:
        """The evaluated full name: a str, a PartialString, or Unknown."""
        if self._name is _UNSET:
            own = resolve(self.raw.get("name"), None, self.ctx) if "name" in self.raw else ""
            self._name = join_names(self.name_prefix.name, own) if self.name_prefix else own
        return self._name

    @name.setter
    def name(self, value: Any) -> None:
        self._name = value
        self._name_key = None

    @property
    def name_key(self) -> tuple:
        if self._name_key is None:
            self._name_key = name_key(self.name)
        return self._name_key

    @property
    def display_name(self) -> str:
        """The name for messages: the evaluated name when known, else the name as written."""
        name = self.name
        if isinstance(name, str) and not isinstance(name, Unknown):
            return name
        source_text = getattr(self.origin.doc, "source_text", None)
        if source_text is not None:  # Bicep: the name as the user wrote it
            written = source_text(tuple(self.origin.pointer) + ("name",))
            if written:
                return written
        raw = self.raw.get("name")
        if isinstance(raw, str):
            return f"{self.name_prefix.display_name}/{raw}" if self.name_prefix else raw
        return str(name)

    @property
    def condition(self) -> Any:
        """The evaluated `condition`: True when absent, else True, False or Unknown."""
        if self._condition is _UNSET:
            value: Any = True
            if "condition" in self.raw:
                value = resolve(self.raw["condition"], None, self.ctx)
                if isinstance(value, str) and not isinstance(value, Unknown):
                    value = {"true": True, "false": False}.get(value.lower(), value)
            self._condition = value
        return self._condition

    @property
    def copy_count(self) -> Any:
        """The evaluated `copy.count` of a resource loop (None without a loop; may be Unknown)."""
        if self.copy is None:
            return None
        return resolve(self.copy.get("count"), None, self.ctx)

    @property
    def deployed(self) -> bool:
        """Declared for deployment: not an `existing` reference, condition not known false, not
        a loop of zero copies, and not inside a nested deployment that is not deployed."""
        if self.existing or self.condition is False or self.copy_count == 0:
            return False
        outer = self.template.deployment
        return outer is None or outer.deployed

    @property
    def type_key(self) -> str:
        return self.type.lower()

    def __repr__(self) -> str:
        return f"Resource({self.type} {self.name!r})"


@dataclass(eq=False)
class Template:
    raw: dict
    origin: Origin
    scope: TemplateScope
    schema: str = ""
    deployment_scope: str = "resourceGroup"
    language_version: str | None = None
    parameters: list[Declaration] = field(default_factory=list)
    variables: list[Declaration] = field(default_factory=list)
    outputs: list[Declaration] = field(default_factory=list)
    functions: list[Declaration] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    deployment: Resource | None = None  # the nested deployment resource holding this template
    parent: "Template | None" = None

    @property
    def ctx(self) -> EvalContext:
        return EvalContext(self.scope)


@dataclass(eq=False)
class ParameterFile:
    """A deploymentParameters file: each parameter's raw entry and where it is."""

    raw: dict
    origin: Origin
    schema: str = ""
    parameters: list[Declaration] = field(default_factory=list)


@dataclass(eq=False)
class Model:
    """One linted file."""

    kind: str  # "template" | "parameters"
    language: str = "json"  # "json" | "bicep": the language the file is written in
    root: Template | None = None
    templates: list[Template] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    parameter_file: ParameterFile | None = None
    # the parameter files whose values the root template is linted with: (path as shown, names)
    given_parameters: list = field(default_factory=list)

    def resources_of_type(self, rtype: str) -> list[Resource]:
        key = rtype.lower()
        return [r for r in self.resources if r.type_key == key]
