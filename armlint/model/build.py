"""Build the template model from a loaded ARM JSON document.

Owns: reading the template sections, flattening resources (nested `resources` in short form
`"type": "extensions"` and full form, languageVersion 2.0 resources keyed by symbolic name, the
resources of nested deployments with an inline `template`), giving each its full type and name,
and linking children to parents (nesting, `parent`, and top-level `vm/ext` names) and extension
resources to the resource they attach to. Names are linked by their evaluated segments, so
`concat(parameters('vmName'), '/ext')` is a child of the VM named `parameters('vmName')`.
"""
from __future__ import annotations

from typing import Any

from ..expr.evaluate import DeploymentContext, EvalContext, TemplateScope, resolve
from ..expr.values import Origin, PartialString, ResourceIdValue, Unknown
from .template import Declaration, Model, ParameterFile, Resource, Template

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
                         deployment: DeploymentContext | None = None) -> Model:
    """The model of one template document (`value` is its root object)."""
    model = Model("template")
    origin = Origin(doc, ())
    scope = TemplateScope(value, origin, parameter_values, deployment=deployment)
    model.root = _build_template(model, value, origin, scope, parent=None, deployment_res=None)
    _link(model)
    return model


def build_parameter_file_model(doc: Any, value: dict) -> Model:
    origin = Origin(doc, ())
    pf = ParameterFile(value, origin, _text(value.get("$schema")))
    params = value.get("parameters")
    if isinstance(params, dict):
        key = value.actual_key("parameters")
        for name, raw in params.items():
            pf.parameters.append(Declaration("parameters", name, raw, origin.child(key).child(name)))
    return Model("parameters", parameter_file=pf)


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
            out[name] = resolve(entry["value"], None, EvalContext(TemplateScope(None, None)))
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
    model.templates.append(template)
    resources = raw.get("resources")
    key = raw.actual_key("resources")
    if isinstance(resources, list):
        for i, res in enumerate(resources):
            _add_resource(model, template, res, origin.child(key).child(i), None, None)
    elif isinstance(resources, dict):
        for symbolic, res in resources.items():
            _add_resource(model, template, res, origin.child(key).child(symbolic), None, symbolic)
    return template


def _add_resource(model: Model, template: Template, raw: Any, origin: Origin,
                  parent: Resource | None, symbolic: str | None) -> None:
    if not isinstance(raw, dict):
        return
    ctx = EvalContext(template.scope)
    rtype = _text(raw.get("type"))
    name = resolve(raw.get("name"), None, ctx) if "name" in raw else ""
    if parent is not None and rtype and "/" not in rtype:
        rtype = f"{parent.type}/{rtype}"
        name = _join_names(parent.name, name)
    condition = resolve(raw["condition"], None, ctx) if "condition" in raw else True
    if isinstance(condition, str) and not isinstance(condition, Unknown):
        condition = {"true": True, "false": False}.get(condition.lower(), condition)
    res = Resource(
        template=template, raw=raw, origin=origin, type=rtype, name=name, name_key=name_key(name),
        api_version=raw.get("apiVersion"), symbolic_name=symbolic, parent=parent,
        existing=raw.get("existing") is True, condition=condition,
        copy=raw.get("copy") if isinstance(raw.get("copy"), dict) else None, ctx=ctx)
    model.resources.append(res)
    template.resources.append(res)
    if parent is not None:
        parent.children.append(res)
    children = raw.get("resources")
    if isinstance(children, list):
        key = raw.actual_key("resources")
        for i, child in enumerate(children):
            _add_resource(model, template, child, origin.child(key).child(i), res, None)
    if rtype.lower() == _DEPLOYMENTS:
        _add_nested_template(model, template, res)


def _add_nested_template(model: Model, outer: Template, res: Resource) -> None:
    props = res.raw.get("properties")
    if not isinstance(props, dict) or not isinstance(props.get("template"), dict):
        return
    inner_raw = props["template"]
    props_key = res.raw.actual_key("properties")
    inner_origin = res.origin.child(props_key).child(props.actual_key("template"))
    options = props.get("expressionEvaluationOptions")
    inner_scope = isinstance(options, dict) and isinstance(options.get("scope"), str) and \
        options["scope"].lower() == "inner"
    if inner_scope:
        values = _deployment_parameter_values(props.get("parameters"), res.ctx)
        label = f"{res.symbolic_name or _label_of(res)}::"
        scope = TemplateScope(inner_raw, inner_origin, values, deployment=outer.scope.deployment,
                              label=label)
    else:
        scope = outer.scope
    res.nested_template = _build_template(model, inner_raw, inner_origin, scope, outer, res)


def _label_of(res: Resource) -> str:
    if isinstance(res.name, str) and not isinstance(res.name, Unknown):
        return res.name
    return "deployment@" + "/".join(str(p) for p in res.origin.pointer)


def _deployment_parameter_values(raw: Any, ctx: EvalContext) -> dict:
    out: dict = {}
    if not isinstance(raw, dict):
        return out
    for name, entry in raw.items():
        if isinstance(entry, dict) and "value" in entry:
            out[name] = resolve(entry["value"], None, ctx)
        elif isinstance(entry, dict) and "reference" in entry:
            out[name] = Unknown(f"parameters('{name.lower()}')", "secret",
                                "the value is a Key Vault reference")
        elif isinstance(entry, str):
            # A whole parameters object from an expression (seen in compiled Bicep): unknown.
            out[name] = Unknown(f"parameters('{name.lower()}')", None, "set by an expression")
    return out


def _join_names(parent_name: Any, child_name: Any) -> Any:
    if isinstance(parent_name, str) and isinstance(child_name, str) and \
            not isinstance(parent_name, Unknown) and not isinstance(child_name, Unknown):
        return f"{parent_name}/{child_name}"
    return PartialString((parent_name, "/", child_name))


# --- names and IDs ---------------------------------------------------------------------------

def _segment_key(parts: tuple) -> str:
    return "".join(p.lower() if isinstance(p, str) else "{" + p.text.lower() + "}" for p in parts)


def name_key(name: Any) -> tuple:
    """Lower-cased name segments; unknown parts stand for themselves by their text."""
    if isinstance(name, PartialString):
        return tuple(_segment_key(seg) for seg in name.split("/"))
    if isinstance(name, Unknown):
        return ("{" + name.text.lower() + "}",) if name.text else ()
    if isinstance(name, str):
        return tuple(s.lower() for s in name.split("/"))
    return ()


def parse_resource_id(value: Any) -> tuple[str, tuple] | None:
    """(lower-case full type, name key) of a resource ID or a Bicep-style 'Type/name' reference."""
    if isinstance(value, ResourceIdValue):
        return value.rtype.lower(), name_key(_join_all(value.names))
    if isinstance(value, PartialString):
        segments = [_segment_key(s) if not all(isinstance(p, str) for p in s) else "".join(s)
                    for s in value.split("/")]
        raw_segments = value.split("/")
    elif isinstance(value, str) and not isinstance(value, Unknown):
        segments = value.split("/")
        raw_segments = [(s,) for s in segments]
    else:
        return None
    # after the last 'providers' segment: Namespace/type/name[/type/name...]
    start = 0
    for i, seg in enumerate(raw_segments):
        if len(seg) == 1 and isinstance(seg[0], str) and seg[0].lower() == "providers":
            start = i + 1
    rest = segments[start:]
    while rest and rest[0] == "":
        rest = rest[1:]
    if len(rest) < 3 or "." not in rest[0] or "{" in rest[0]:
        return None
    types = [rest[0]] + rest[1::2]
    names = rest[2::2]
    if len(types) - 1 != len(names) or any("{" in t for t in types):
        return None
    return "/".join(types).lower(), tuple(n.lower() for n in names)


def _join_all(names: tuple) -> Any:
    out: Any = ""
    for i, n in enumerate(names):
        out = n if i == 0 else _join_names(out, n)
    return out


def _link(model: Model) -> None:
    index: dict[tuple, list[Resource]] = {}
    by_symbol: dict[tuple, Resource] = {}
    for res in model.resources:
        index.setdefault((res.type_key, res.name_key), []).append(res)
        if res.symbolic_name:
            by_symbol[(id(res.template), res.symbolic_name.lower())] = res
    for res in model.resources:
        if res.parent is None:
            parent = _declared_parent(res, by_symbol) or _parent_by_name(res, index)
            if parent is not None and parent is not res:
                res.parent = parent
                parent.children.append(res)
        for target in _link_targets(res, index):
            if target is not res:
                target.attached.append(res)


def _declared_parent(res: Resource, by_symbol: dict) -> Resource | None:
    parent_ref = res.raw.get("parent")
    if isinstance(parent_ref, str):
        parent = by_symbol.get((id(res.template), parent_ref.lower()))
        if parent is not None and len(res.name_key) < res.type.count("/"):
            res.name = _join_names(parent.name, res.name)
            res.name_key = name_key(res.name)
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


def _link_targets(res: Resource, index: dict) -> list[Resource]:
    targets = []
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
        if parsed is None:
            continue
        for target in index.get(parsed, ()):
            targets.append(target)
    return targets


def _symbolic_scope(res: Resource, raw: str) -> tuple | None:
    # languageVersion 2.0 may name the scope resource by its symbolic name
    for other in res.template.resources:
        if other.symbolic_name and other.symbolic_name.lower() == raw.lower():
            return other.type_key, other.name_key
    return None
