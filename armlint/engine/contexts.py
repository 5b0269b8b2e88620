"""The contexts rules see: one per item, built once and shared by every rule (a resource's
until the rules judged its block of resources: engine/run.py).

Owns: the JMESPath root of each scope kind. Values are resolved (expressions evaluated, Unknown
where a value needs the deployment); `raw` is the item as written, with its source origin so a
rule can report at a raw path too. Property names are case-insensitive everywhere.

resources (one per resource):
  type, name, display_name, api_version, symbolic_name, condition, existing, copy_count
                (condition: false or unknown also when a nested deployment holding the resource
                has such a condition or an unknown loop)
  resource      the resource JSON with expressions evaluated
  raw           the resource JSON as written
  parent        {type, name, display_name, symbolic_name, resource, existing, parent}, or null
                (`parent.parent` is the grandparent: a blob container's storage account)
  children      the same for each deployed child (nested, `vm/ext` by name, `parent`)
  attached      the same for each deployed resource whose `scope` or `sourceResourceId` is this one
  template      the template summary below (without resources)
  effective     `resource` with what child resources write into it merged in (model/settings.py)
  settings      the deployed children's properties by type leaf and name leaf
  deployment    {resources}: summaries of every deployed resource of the file (nested deployments
                and modules included), for rules about a resource another one must accompany
  stand_in      true for a stand-in: a parent this file does not deploy, described by its
                children here (only for rules with `scope.include_stand_ins`)
template (one per template, nested inline templates included):
  schema, content_version, scope, language_version, nested (a nested deployment's template),
  raw, parameters/variables/outputs (name -> resolved value or declaration), resources
  (summaries of the deployed resources), references {parameters, variables, functions: name ->
  count, dynamic: [...]}
parameters / variables / outputs (one per declaration):
  name, raw (the declaration as written), template, references (uses of this name), and
  parameters: type (lower case), secure, default (resolved), has_default
  variables:  value (resolved)
  outputs:    type (lower case), value (resolved)
parameter-file:
  schema, content_version, raw, parameters (name -> entry as written)
Every context also has `options`, the rule's options.
"""
from __future__ import annotations

from ..expr.evaluate import resolve
from ..expr.values import Obj
from ..expr.values import Unknown
from ..model import settings as model_settings
from ..model.template import Declaration, Model, Resource, Template
from ..model.views import resource_view, summary

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any


def with_origin(raw: Any, origin) -> Any:
    """A shallow copy of a raw object that knows where it was written (for locating raw paths)."""
    if not isinstance(raw, dict):
        return raw
    out = Obj(raw)
    out.origin = origin
    return out


def _ancestry(res: Resource | None) -> Obj | None:
    """The parent's summary, with its own parent, up to the top."""
    if res is None:
        return None
    out = summary(res)
    out["parent"] = _ancestry(res.parent)
    return out


class OnDemand(Obj):
    """An object whose values are computed the first time a rule reads them (`makers`)."""

    __slots__ = ("makers",)

    def __init__(self, **makers):
        super().__init__()
        self.makers = makers
        self.origin = None

    def get(self, key, default=None):
        found = super().get(key, _ABSENT)
        if found is not _ABSENT:
            return found
        maker = self.makers.get(key.lower() if isinstance(key, str) else key)
        if maker is None:
            return default
        self[key.lower()] = value = maker()
        return value


_ABSENT = object()


class Contexts:
    def __init__(self, model: Model):
        self.model = model
        self._cache: dict[tuple, Obj] = {}
        self._stand_ins = None
        self.deployment = OnDemand(resources=lambda: [summary(r) for r in model.resources
                                                      if r.deployed])

    def stand_ins(self) -> list:
        if self._stand_ins is None:
            self._stand_ins = model_settings.stand_ins(self.model)
        return self._stand_ins

    def _cached(self, key: tuple, build) -> Obj:
        ctx = self._cache.get(key)
        if ctx is None:
            ctx = self._cache[key] = build()
        return ctx

    def template_info(self, t: Template) -> Obj:
        return self._cached(("info", id(t)), lambda: Obj(
            schema=t.schema, scope=t.deployment_scope, language_version=t.language_version,
            content_version=t.raw.get("contentVersion"), nested=t.parent is not None))

    def resource(self, res: Resource) -> Obj:
        def build() -> Obj:
            return Obj(
                type=res.type, name=res.name, display_name=res.display_name,
                api_version=res.api_version, symbolic_name=res.symbolic_name,
                condition=res.deploy_condition, existing=res.existing,
                copy_count=res.copy_count, resource=resource_view(res), raw=with_origin(res.raw, res.origin),
                parent=_ancestry(res.parent),
                children=[summary(c) for c in res.children if c.deployed],
                attached=[summary(a) for a in res.attached if a.deployed],
                template=self.template_info(res.template),
                effective=model_settings.effective(res), settings=model_settings.settings(res),
                deployment=self.deployment, stand_in=False)
        return self._cached(("resource", id(res)), build)

    def forget_resources(self) -> None:
        """Drop the contexts of the resources (a block of them judged: engine/run.py); one
        asked for again is made again."""
        self._cache = {key: ctx for key, ctx in self._cache.items() if key[0] != "resource"}

    def stand_in(self, stand: model_settings.StandIn) -> Obj:
        def build() -> Obj:
            unknown = Unknown("", None, "the resource is deployed elsewhere")
            resource = model_settings.Layered()
            resource.missing = unknown
            resource.origin = stand.children[0].origin
            name = stand.resource.name if stand.resource is not None else stand.name
            return Obj(
                type=stand.type, name=name, display_name=stand.display_name, api_version=unknown,
                symbolic_name=None, condition=True, existing=False, copy_count=None,
                resource=resource, raw=resource, parent=None,
                children=[summary(c) for c in stand.children], attached=[],
                template=self.template_info(stand.template), effective=stand.effective(),
                settings=stand.settings(), deployment=self.deployment, stand_in=True)
        return self._cached(("stand-in", id(stand)), build)

    def template(self, t: Template) -> Obj:
        def build() -> Obj:
            refs = t.uses
            ctx = Obj(self.template_info(t))
            ctx.update(
                raw=with_origin(t.raw, t.origin),
                parameters=Obj((d.name, t.scope.parameter(d.name)) for d in t.parameters),
                variables=Obj((d.name, t.scope.variable(d.name)) for d in t.variables),
                outputs=Obj((d.name, with_origin(d.raw, d.origin)) for d in t.outputs),
                resources=[summary(r) for r in t.resources if r.deployed],
                references=Obj(parameters=Obj(refs.parameters), variables=Obj(refs.variables),
                               functions=Obj(refs.functions),
                               dynamic=[Obj(section=s, text=x) for s, _, x in refs.dynamic]))
            return ctx
        return self._cached(("template", id(t)), build)

    def declaration(self, t: Template, decl: Declaration) -> Obj:
        def build() -> Obj:
            refs = t.uses
            raw = with_origin(decl.raw, decl.origin)
            ctx = Obj(name=decl.name, raw=raw, template=self.template_info(t))
            if decl.section == "parameters":
                ptype = decl.raw.get("type") if isinstance(decl.raw, dict) else None
                ptype = ptype.lower() if isinstance(ptype, str) else None
                has_default = isinstance(decl.raw, dict) and "defaultValue" in decl.raw
                ctx.update(type=ptype, secure=ptype in ("securestring", "secureobject"),
                           has_default=has_default,
                           default=t.scope.parameter_default(decl.name) if has_default else None,
                           references=refs.parameters.get(decl.name.lower(), 0))
            elif decl.section == "variables":
                ctx.update(value=t.scope.variable(decl.name),
                           references=refs.variables.get(decl.name.lower(), 0))
            elif decl.section == "outputs":
                otype = decl.raw.get("type") if isinstance(decl.raw, dict) else None
                value = None
                if isinstance(decl.raw, dict) and "value" in decl.raw:
                    key = decl.raw.actual_key("value")
                    value = resolve(decl.raw[key], decl.origin.child(key), t.ctx)
                ctx.update(type=otype.lower() if isinstance(otype, str) else None, value=value)
            return ctx
        return self._cached(("decl", id(decl)), build)

    def parameter_file(self) -> Obj | None:
        pf = self.model.parameter_file
        if pf is None:
            return None
        return self._cached(("pfile",), lambda: Obj(
            schema=pf.schema, content_version=pf.raw.get("contentVersion"),
            raw=with_origin(pf.raw, pf.origin),
            parameters=Obj((d.name, with_origin(d.raw, d.origin)) for d in pf.parameters)))
