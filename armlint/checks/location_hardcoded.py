"""AL4004 location-hardcoded: a resource's `location` is a fixed region.

Reported: a literal region other than 'global' (any casing) as a resource's location; a variable
holding such a literal, used as a location (reported once, at the variable, as the Bicep linter
does); and a literal region passed to a module or inner-scoped nested deployment for a parameter
that the module uses as a resource location and declares with a default value. A location
parameter's own default value is not this rule's business (location-parameter-default)."""
from __future__ import annotations

from ..engine.run import Hit
from ..expr import parser
from ..expr.values import Origin
from ._resources_util import (label, call_name, declared, file_resources, is_bicep,
                              literal_text, owner_template, tree_of)


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
    params = declared(inner, "parameters")
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


def check(ctx, rule):
    model = ctx["model"]
    bicep = is_bicep(model)
    seen_vars = set()
    for res in file_resources(model):
        raw = res.raw
        if "location" in raw:
            key = raw.actual_key("location")
            value = raw[key]
            region = _literal_region(value)
            if region is not None:
                yield Hit(at=res.origin.child(key),
                          message="Resource '{resource}' is deployed to the fixed region "
                                  "'{region}'; use a location parameter (or 'global' where the "
                                  "type is global)",
                          bind={"resource": label(res), "region": region})
            var = _variable_of(value)
            if var is not None:
                owner = owner_template(res.template)
                variables = declared(owner, "variables")
                vkey = variables.actual_key(var) if hasattr(variables, "actual_key") else var
                region = _literal_region(variables.get(vkey)) if vkey else None
                marker = (id(owner), (vkey or "").lower())
                if region is not None and marker not in seen_vars:
                    seen_vars.add(marker)
                    at = Origin(owner.origin.doc, tuple(owner.origin.pointer) + (
                        owner.raw.actual_key("variables"), vkey))
                    yield Hit(at=at, part="key" if bicep else "value",
                              message="Variable '{variable}' holds the fixed region '{region}' "
                                      "and is used as a resource location; make it a parameter",
                              bind={"variable": vkey, "region": region})
        if res.type_key == "microsoft.resources/deployments" and res.nested_template is not None \
                and res.nested_template.scope is not res.template.scope:
            props = raw.get("properties")
            params = props.get("parameters") if isinstance(props, dict) else None
            if not isinstance(params, dict):
                continue
            wanted = _location_parameters(res.nested_template)
            for pname, entry in params.items():
                if pname.lower() not in wanted or not isinstance(entry, dict) or \
                        "value" not in entry:
                    continue
                region = _literal_region(entry["value"])
                if region is None:
                    continue
                at = Origin(res.origin.doc, tuple(res.origin.pointer) + (
                    raw.actual_key("properties"), props.actual_key("parameters"), pname,
                    entry.actual_key("value")))
                what = f"module '{res.symbolic_name}'" if bicep and res.symbolic_name else \
                    f"nested deployment '{res.display_name}'"
                yield Hit(at=at, message="Parameter '{param}' of {target} is given the fixed "
                                         "region '{region}'; pass a location parameter instead",
                          bind={"param": pname, "target": what, "region": region})
