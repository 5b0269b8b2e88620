"""AL4004 location-hardcoded: a resource's `location` is a fixed region.

Reported: a literal region other than 'global' (any casing) as a resource's location; a variable
holding such a literal, used as a location (reported once, at the variable, as the Bicep linter
does); and a literal region passed to a module or inner-scoped nested deployment for a parameter
that the module uses as a resource location and declares with a default value. A location
parameter's own default value is not this rule's business (location-parameter-default)."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr import parser
from ..expr.query import call_name, literal_text, tree_of


def _literal_region(value) -> str | None:
    if not isinstance(value, str) or parser.is_expression(value):
        return None
    text = parser.unescape_literal(value).strip()
    if not text or text.lower() == "global":
        return None
    return text


def _variable_of(value) -> str | None:
    tree = tree_of(value)
    if tree is not None and call_name(tree) == "variables" and tree.args:
        return literal_text(tree.args[0])
    return None


def _location_parameters(inner) -> set:
    """Parameters of a nested template used as a resource location there, with a default."""
    params = inner.section("parameters")
    found = set()
    for res in inner.resources:
        tree = tree_of(res.raw.get("location"))
        if tree is not None and call_name(tree) == "parameters" and tree.args:
            name = literal_text(tree.args[0])
            if name is None:
                continue
            key = params.actual_key(name) if hasattr(params, "actual_key") else name
            decl = params.get(key) if key else None
            if isinstance(decl, dict) and "defaultValue" in decl:
                found.add(name.lower())
    return found


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if not res.deployed:
        return
    bicep = ctx.model.is_bicep
    raw = res.raw
    if "location" in raw:
        key = raw.actual_key("location")
        value = raw[key]
        region = _literal_region(value)
        if region is not None:
            report.at_origin(res.origin.child(key), message=(
                "Resource '{resource}' is deployed to the fixed region '{region}'; use a location "
                "parameter (or 'global' where the type is global)"),
                resource=res.label, region=region)
        var = _variable_of(value)
        if var is not None:
            owner = res.template.owner
            variables = owner.section("variables")
            vkey = variables.actual_key(var) if hasattr(variables, "actual_key") else var
            region = _literal_region(variables.get(vkey)) if vkey else None
            if region is not None:  # reported once: the same finding is kept once per file
                report.at_origin(owner.origin_at((owner.raw.actual_key("variables"), vkey)),
                                 part="key" if bicep else "value", message=(
                                     "Variable '{variable}' holds the fixed region '{region}' "
                                     "and is used as a resource location; make it a parameter"),
                                 variable=vkey, region=region)
    if res.type_key == "microsoft.resources/deployments" and res.nested_template is not None \
            and res.nested_template.scope is not res.template.scope:
        props = raw.get("properties")
        params = props.get("parameters") if isinstance(props, dict) else None
        if not isinstance(params, dict):
            return
        wanted = _location_parameters(res.nested_template)
        for pname, entry in params.items():
            if pname.lower() not in wanted or not isinstance(entry, dict) or \
                    "value" not in entry:
                continue
            region = _literal_region(entry["value"])
            if region is None:
                continue
            what = f"module '{res.symbolic_name}'" if bicep and res.symbolic_name else \
                f"nested deployment '{res.display_name}'"
            report.at_origin(res.origin_of("properties", "parameters", pname, "value"),
                             message=("Parameter '{param}' of {target} is given the fixed "
                                      "region '{region}'; pass a location parameter instead"),
                             param=pname, target=what, region=region)
