"""AL2008 artifacts-parameters: the `_artifactsLocation` / `_artifactsLocationSasToken`
convention for templates that download scripts or nested templates.

Per template (names in any casing, as the Bicep linter compares them):
- one of the two parameters without the other;
- `_artifactsLocation` not a string, `_artifactsLocationSasToken` not a secure string;
- a default for `_artifactsLocation` that is neither a URL literal nor an expression built from
  `deployment().properties.templateLink`; a default for the SAS token that is not empty;
- a nested deployment or Bicep module whose template declares either parameter but is not given
  a value for it (the default of a nested template would point at the wrong place).
"""
from __future__ import annotations

import re

from ..engine.run import Hit
from ._params_util import declaring_templates, decl_type, field, field_origin, has_field, \
    own_templates, resource_anchor, tree_of

LOCATION = "_artifactslocation"
SAS = "_artifactslocationsastoken"
_TEMPLATE_LINK = re.compile(r"deployment\s*\(.*\.\s*templatelink", re.IGNORECASE | re.DOTALL)


def check(ctx, rule):
    model = ctx["model"]
    for t in declaring_templates(model):
        params = {d.name.lower(): d for d in t.parameters}
        loc, sas = params.get(LOCATION), params.get(SAS)
        if loc is None and sas is None:
            continue
        if sas is None:
            yield Hit(at=loc.origin, part="key", message=(
                "'{param}' is declared without '_artifactsLocationSasToken'; declare both, "
                "so that artifacts in a private storage account can be read"),
                bind={"param": loc.name})
            continue
        if loc is None:
            yield Hit(at=sas.origin, part="key", message=(
                "'{param}' is declared without '_artifactsLocation'; declare both, or neither"),
                bind={"param": sas.name})
            continue
        if decl_type(loc) not in ("string", "securestring"):
            yield Hit(at=field_origin(loc, "type") or loc.origin,
                      message="'{param}' must be of type string", bind={"param": loc.name})
        if decl_type(sas) != "securestring":
            yield Hit(at=field_origin(sas, "type") or sas.origin, message=(
                "'{param}' must be a secure string (type secureString, @secure() in Bicep), "
                "as a SAS token grants access to the artifacts"), bind={"param": sas.name})
        if has_field(loc, "defaultValue"):
            default = field(loc, "defaultValue")
            url = isinstance(default, str) and tree_of(default) is None and \
                default.lower().startswith("http")
            if not url and not (isinstance(default, str) and _TEMPLATE_LINK.search(default)):
                yield Hit(at=field_origin(loc, "defaultValue"), message=(
                    "The default value of '{param}' must be a URL or an expression built "
                    "from deployment().properties.templateLink.uri"), bind={"param": loc.name})
        if has_field(sas, "defaultValue") and field(sas, "defaultValue") != "":
            yield Hit(at=field_origin(sas, "defaultValue"),
                      message="The default value of '{param}' must be an empty string",
                      bind={"param": sas.name})
    for t in own_templates(model):
        for res in t.resources:
            yield from _passed(res)


def _passed(res):
    inner = res.nested_template
    if inner is None or inner.scope is res.template.scope or not res.deployed:
        return
    props = res.raw.get("properties")
    passed = props.get("parameters") if isinstance(props, dict) else None
    passed = passed if isinstance(passed, dict) else {}
    for decl in inner.parameters:
        if decl.name.lower() in (LOCATION, SAS) and decl.name not in passed:
            at, part = resource_anchor(res)
            what = "module" if inner.origin.doc is not res.template.origin.doc else \
                "nested deployment"
            yield Hit(at=at, part=part, message=(
                "The {kind} '{deployment}' declares '{param}' but is not given a value for it; "
                "pass the caller's '{param}' so that it finds the artifacts where this "
                "deployment does"), bind={"kind": what, "param": decl.name,
                                          "deployment": res.symbolic_name or res.display_name})
