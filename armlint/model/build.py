"""Build the template model from a loaded ARM JSON document.

Owns: reading the template sections, flattening resources (nested `resources` in short form
`"type": "extensions"` and full form, languageVersion 2.0 resources keyed by symbolic name, the
resources of nested deployments with an inline `template`), giving each its full type and name,
and linking children to parents (nesting, `parent`, and top-level `vm/ext` names) and extension
resources to the resource they attach to. Names are linked by their evaluated segments, so
`concat(parameters('vmName'), '/ext')` is a child of the VM named `parameters('vmName')`.
"""
from __future__ import annotations

from ..expr.evaluate import DeploymentContext, EvalContext, Lazy, TemplateScope, resolve
from ..expr.values import Origin, Unknown, literal_value
from .names import join_names, parse_resource_id
from .template import Declaration, Model, ParameterFile, Resource, Template

TYPE_CHECKING = False  # typing is not imported at run time (issue 12: start-up)
if TYPE_CHECKING:
    from typing import Any

_SCHEMA_SCOPES = (
    ("subscriptiondeploymenttemplate", "subscription"),
    ("managementgroupdeploymenttemplate", "managementGroup"),
    ("tenantdeploymenttemplate", "tenant"),
)
_DEPLOYMENTS = "microsoft.resources/deployments"
# Properties whose resource ID attaches one resource to another (besides `scope`).
LINK_PROPERTIES = (("properties", "sourceResourceId"),)


def deployment_scope(schema: str) -> str:
    low = schema.lower()
    for marker, scope in _SCHEMA_SCOPES:
        if marker in low:
            return scope
    return "resourceGroup"


def build_template_model(doc: Any, value: dict, parameter_values: dict | None = None,
                         deployment: DeploymentContext | None = None,
                         language: str = "json") -> Model:
    """The model of one template document (`value` is its root object)."""
    model = Model("template", language=language)
    origin = Origin(doc, ())
    scope = TemplateScope(value, origin, parameter_values, deployment=deployment)
    model.root = _build_template(model, value, origin, scope, parent=None, deployment_res=None)
    _link(model)
    return model


def build_parameter_file_model(doc: Any, value: dict, language: str = "json") -> Model:
    origin = Origin(doc, ())
    pf = ParameterFile(value, origin, _text(value.get("$schema")))
    params = value.get("parameters")
    if isinstance(params, dict):
        key = value.actual_key("parameters")
        for name, raw in params.items():
            pf.parameters.append(Declaration("parameters", name, raw, origin.child(key).child(name)))
    return Model("parameters", language=language, parameter_file=pf)


def parameter_file_values(value: dict) -> dict:
    """Parameter values a deploymentParameters file gives; Key Vault references are unknown."""
    out: dict = {}
    params = value.get("parameters") if isinstance(value, dict) else None
    if not isinstance(params, dict):
        return out
    for name, entry in params.items():
        if not isinstance(entry, dict):
            continue
        if "value" in entry:
            out[name] = literal_value(entry["value"])  # taken literally: no expressions here
        elif "reference" in entry:
            out[name] = Unknown(f"parameters('{name.lower()}')", "secret",
                                "the value is a Key Vault reference")
    return out


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _declarations(raw: dict, origin: Origin, section: str) -> list[Declaration]:
    body = raw.get(section)
    if not isinstance(body, dict):
        return []
    key = raw.actual_key(section)
    return [Declaration(section, name, val, origin.child(key).child(name))
            for name, val in body.items()]


def _functions(raw: dict, origin: Origin) -> list[Declaration]:
    body = raw.get("functions")
    out: list[Declaration] = []
    if not isinstance(body, list):
        return out
    key = raw.actual_key("functions")
    for i, ns in enumerate(body):
        if not isinstance(ns, dict) or not isinstance(ns.get("members"), dict):
            continue
        prefix = ns.get("namespace") if isinstance(ns.get("namespace"), str) else ""
        members_key = ns.actual_key("members")
        for name, decl in ns["members"].items():
            out.append(Declaration("functions", f"{prefix}.{name}", decl,
                                   origin.child(key).child(i).child(members_key).child(name)))
    return out


def _build_template(model: Model, raw: dict, origin: Origin, scope: TemplateScope,
                    parent: Template | None, deployment_res: Resource | None) -> Template:
    schema = _text(raw.get("$schema"))
    template = Template(
        raw=raw, origin=origin, scope=scope, schema=schema,
        deployment_scope=deployment_scope(schema) if schema else
        (parent.deployment_scope if parent else "resourceGroup"),
        language_version=_text(raw.get("languageVersion")) or None,
        parameters=_declarations(raw, origin, "parameters"),
        variables=_declarations(raw, origin, "variables"),
        outputs=_declarations(raw, origin, "outputs"),
        functions=_functions(raw, origin),
        deployment=deployment_res, parent=parent)
    for decl in (*template.parameters, *template.variables, *template.outputs,
                 *template.functions):
        decl.template = template
    model.templates.append(template)
    resources = raw.get("resources")
    if isinstance(resources, (list, dict)):
        # One origin of the `resources` array for its resources' origins, and one context for
        # the resources of a template (a context is never changed: a copy loop's index makes a
        # new one); made for each resource, they took 0.1 times the size of a large template.
        within = origin.child(raw.actual_key("resources"))
        ctx = EvalContext(template.scope)
        if isinstance(resources, list):
            for i, res in enumerate(resources):
                _add_resource(model, template, res, within.child(i), None, None, ctx)
        else:
            for symbolic, res in resources.items():
                _add_resource(model, template, res, within.child(symbolic), None, symbolic, ctx)
    return template


def _add_resource(model: Model, template: Template, raw: Any, origin: Origin,
                  parent: Resource | None, symbolic: str | None, ctx: EvalContext) -> None:
    if not isinstance(raw, dict):
        return
    rtype = _text(raw.get("type"))
    # short: no namespace in front (`subnets`, and `providers/diagnosticSettings`, an extension
    # of the parent written as its child)
    short_child = parent is not None and bool(rtype) and "." not in rtype.split("/")[0]
    if short_child:
        rtype = f"{parent.type}/{rtype}"
    res = Resource(
        template=template, raw=raw, origin=origin, type=rtype,
        api_version=raw.get("apiVersion"), symbolic_name=symbolic, parent=parent,
        name_prefix=parent if short_child else None, existing=raw.get("existing") is True,
        copy=raw.get("copy") if isinstance(raw.get("copy"), dict) else None, ctx=ctx)
    model.resources.append(res)
    template.resources.append(res)
    if parent is not None:
        _adopt(parent, res)
    children = raw.get("resources")
    if isinstance(children, list):
        within = origin.child(raw.actual_key("resources"))
        for i, child in enumerate(children):
            _add_resource(model, template, child, within.child(i), res, None, ctx)
    if rtype.lower() == _DEPLOYMENTS:
        _add_nested_template(model, template, res)


def _add_nested_template(model: Model, outer: Template, res: Resource) -> None:
    props = res.raw.get("properties")
    if not isinstance(props, dict) or not isinstance(props.get("template"), dict):
        return
    inner_raw = props["template"]
    props_key = res.raw.actual_key("properties")
    # a Bicep module's template comes from its own file, and says so
    inner_origin = getattr(inner_raw, "origin", None) or \
        res.origin.child(props_key).child(props.actual_key("template"))
    options = props.get("expressionEvaluationOptions")
    inner_scope = isinstance(options, dict) and isinstance(options.get("scope"), str) and \
        options["scope"].lower() == "inner"
    if inner_scope:
        given = props.get("parameters")
        values = _deployment_parameter_values(given, res.ctx)
        label = f"{res.symbolic_name or _label_of(res)}::"
        # a literal `parameters` object (a Bicep module's params) is all the deployment passes
        complete = given is None or isinstance(given, dict) and not isinstance(given, Unknown)
        scope = TemplateScope(inner_raw, inner_origin, values, deployment=outer.scope.deployment,
                              label=label, all_values=complete)
    else:
        scope = outer.scope
    res.nested_template = _build_template(model, inner_raw, inner_origin, scope, outer, res)


def _label_of(res: Resource) -> str:
    if isinstance(res.name, str) and not isinstance(res.name, Unknown):
        return res.name
    return "deployment@" + "/".join(str(p) for p in res.origin.pointer)


class _LazyEntry(Lazy):
    """A parameter entry written as one expression: its `value` once evaluated."""

    __slots__ = ()

    def get(self) -> Any:
        entry = super().get()
        if isinstance(entry, dict) and "value" in entry:
            return entry["value"]
        return Unknown(getattr(entry, "text", ""), None, "the parameter entry is not known")


def _deployment_parameter_values(raw: Any, ctx: EvalContext) -> dict:
    out: dict = {}
    if not isinstance(raw, dict):
        return out
    for name, entry in raw.items():
        if isinstance(entry, dict) and "value" in entry:
            out[name] = Lazy(entry["value"], None, ctx)
        elif isinstance(entry, dict) and "reference" in entry:
            out[name] = Unknown(f"parameters('{name.lower()}')", "secret",
                                "the value is a Key Vault reference")
        elif isinstance(entry, str):
            # compiled Bicep writes some entries as one expression giving {"value": ...}
            out[name] = _LazyEntry(entry, None, ctx)
    return out


def _link(model: Model) -> None:
    by_symbol: dict[tuple, Resource] = {}
    for res in model.resources:
        if res.symbolic_name:
            by_symbol[(id(res.template), res.symbolic_name.lower())] = res
    orphans = [r for r in model.resources if r.parent is None]
    for res in orphans:
        parent = _declared_parent(res, by_symbol)
        if parent is not None and parent is not res:
            _adopt(parent, res)
    # Names are evaluated only for the types that can be a parent or a link target.
    links = [(res, target) for res in model.resources for target in _link_ids(res)]
    wanted = {t for _, (t, _) in links}
    for res in model.resources:
        segments = res.type.split("/")
        if res.parent is None and len(segments) >= 3 and "/providers/" not in res.type_key:
            wanted.add("/".join(segments[:-1]).lower())
        if res.existing:
            wanted.add(res.type_key)
    index: dict[tuple, list[Resource]] = {}
    for res in model.resources:
        if res.type_key in wanted:
            index.setdefault((res.type_key, res.name_key), []).append(res)
    for res in model.resources:
        if res.parent is None:
            parent = _parent_by_name(res, index)
            if parent is not None and parent is not res:
                _adopt(parent, res)
    for res, target_key in links:
        for target in index.get(target_key, ()):
            if target is not res:
                target.attached = _with(target.attached, res)
    _merge_existing(model, index)


def _merge_existing(model: Model, index: dict) -> None:
    """An `existing` reference is the same resource as one the file deploys elsewhere (a module
    that adds an extension to the caller's VM): that resource gets its children and attachments."""
    for res in model.resources:
        if not res.existing or not (res.children or res.attached):
            continue
        for real in index.get((res.type_key, res.name_key), ()):
            if real is not res and not real.existing:
                for c in res.children:
                    if c not in real.children:
                        real.children = _with(real.children, c)
                for a in res.attached:
                    if a not in real.attached:
                        real.attached = _with(real.attached, a)


def _adopt(parent: Resource, child: Resource) -> None:
    child.parent = parent
    parent.children = _with(parent.children, child)


def _with(resources: list | tuple, res: Resource) -> list:
    """A resource's `children` or `attached` with `res` added: the empty tuple every resource
    starts with becomes a list of its own at the first (two empty lists a resource were 0.1 times
    the size of a large template, whose resources mostly have neither)."""
    if resources:
        resources.append(res)
        return resources
    return [res]


def _declared_parent(res: Resource, by_symbol: dict) -> Resource | None:
    parent_ref = res.raw.get("parent")
    if isinstance(parent_ref, str):
        parent = by_symbol.get((id(res.template), parent_ref.lower()))
        if parent is not None and len(res.name_key) < res.type.count("/"):
            res.name = join_names(parent.name, res.name)
        return parent
    return None


def _parent_by_name(res: Resource, index: dict) -> Resource | None:
    segments = res.type.split("/")
    if len(segments) < 3 or len(res.name_key) < 2:
        return None
    candidates = index.get(("/".join(segments[:-1]).lower(), res.name_key[:-1]))
    if not candidates:
        return None
    for c in candidates:
        if c.template is res.template:
            return c
    return candidates[0]


def _link_ids(res: Resource) -> list[tuple]:
    """(type, name key) of each resource this one points at by `scope` or a link property, or
    by the older nested form of an extension resource: type `<target type>/providers/<extension
    type>`, name `<target name>/<Namespace>/<name>` (a diagnostic setting of a queue service)."""
    found = []
    at = res.type_key.find("/providers/")
    if at > 0:
        target = res.type_key[:at]
        depth = target.count("/")
        if len(res.name_key) > depth:
            found.append((target, res.name_key[:depth]))
    paths = [("scope",)] + list(LINK_PROPERTIES)
    for path in paths:
        raw: Any = res.raw
        for key in path:
            raw = raw.get(key) if isinstance(raw, dict) else None
        if raw is None:
            continue
        parsed = parse_resource_id(resolve(raw, None, res.ctx))
        if parsed is None and isinstance(raw, str) and path == ("scope",):
            parsed = _symbolic_scope(res, raw)
        if parsed is not None:
            found.append(parsed)
    return found


def _symbolic_scope(res: Resource, raw: str) -> tuple | None:
    # languageVersion 2.0 may name the scope resource by its symbolic name
    for other in res.template.resources:
        if other.symbolic_name and other.symbolic_name.lower() == raw.lower():
            return other.type_key, other.name_key
    return None
