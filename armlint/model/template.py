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

from ..expr.evaluate import EvalContext, TemplateScope
from ..expr.values import Origin

SCOPES = ("resourceGroup", "subscription", "managementGroup", "tenant")


@dataclass(eq=False)
class Declaration:
    """A parameter, variable, output or user function: its name, raw JSON and where it is."""

    section: str
    name: str
    raw: Any
    origin: Origin


@dataclass(eq=False)
class Resource:
    template: "Template"
    raw: dict
    origin: Origin
    type: str  # full type, e.g. Microsoft.Compute/virtualMachines/extensions
    name: Any  # evaluated full name: str, PartialString or Unknown
    name_key: tuple  # lower-cased name segments for linking (unknown parts by their text)
    api_version: Any = None
    symbolic_name: str | None = None
    parent: "Resource | None" = None
    children: list["Resource"] = field(default_factory=list)
    attached: list["Resource"] = field(default_factory=list)  # resources that point at this one
    existing: bool = False
    condition: Any = True  # evaluated: True, False or Unknown
    copy: dict | None = None
    nested_template: "Template | None" = None  # for deployments with an inline template
    ctx: EvalContext | None = None
    _view: Any = None

    @property
    def deployed(self) -> bool:
        """Declared for deployment: not an `existing` reference, condition not known false."""
        return not self.existing and self.condition is not False

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
    root: Template | None = None
    templates: list[Template] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    parameter_file: ParameterFile | None = None

    def resources_of_type(self, rtype: str) -> list[Resource]:
        key = rtype.lower()
        return [r for r in self.resources if r.type_key == key]
