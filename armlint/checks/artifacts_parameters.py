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

from ..engine.items import TemplateContext
from ..engine.report import Report
from ..expr.query import tree_of
from ..source.lazy import pattern

LOCATION = "_artifactslocation"
SAS = "_artifactslocationsastoken"
# `deployment(` ... `.templateLink`, found as two searches (one pattern with `.*` between them
# was quadratic on a value repeating `deployment(.`)
_DEPLOYMENT_CALL = pattern(r"deployment\s*\(", re.IGNORECASE)
_TEMPLATE_LINK = pattern(r"\.\s*templatelink", re.IGNORECASE)


def _reads_template_link(text: str) -> bool:
    call = _DEPLOYMENT_CALL.search(text)
    return call is not None and _TEMPLATE_LINK.search(text, call.end()) is not None


def check(ctx: TemplateContext, report: Report) -> None:
    t = ctx.template
    if t.declares_own:
        _declared(t, report)
    for res in t.resources:
        _passed(res, report)


def _declared(t, report: Report) -> None:
    params = t.parameters_by_name
    loc, sas = params.get(LOCATION), params.get(SAS)
    if loc is None and sas is None:
        return
    if sas is None:
        report.at_origin(loc.origin, part="key", message=(
            "'{param}' is declared without '_artifactsLocationSasToken'; declare both, "
            "so that artifacts in a private storage account can be read"), param=loc.name)
        return
    if loc is None:
        report.at_origin(sas.origin, part="key", message=(
            "'{param}' is declared without '_artifactsLocation'; declare both, or neither"),
            param=sas.name)
        return
    if loc.declared_type not in ("string", "securestring"):
        report.at_origin(loc.field_origin("type") or loc.origin,
                         message="'{param}' must be of type string", param=loc.name)
    if sas.declared_type != "securestring":
        report.at_origin(sas.field_origin("type") or sas.origin, message=(
            "'{param}' must be a secure string (type secureString, @secure() in Bicep), "
            "as a SAS token grants access to the artifacts"), param=sas.name)
    if loc.has_field("defaultValue"):
        default = loc.field("defaultValue")
        url = isinstance(default, str) and tree_of(default) is None and \
            default.lower().startswith("http")
        if not url and not (isinstance(default, str) and _reads_template_link(default)):
            report.at_origin(loc.field_origin("defaultValue"), message=(
                "The default value of '{param}' must be a URL or an expression built "
                "from deployment().properties.templateLink.uri"), param=loc.name)
    if sas.has_field("defaultValue") and sas.field("defaultValue") != "":
        report.at_origin(sas.field_origin("defaultValue"),
                         message="The default value of '{param}' must be an empty string",
                         param=sas.name)


def _passed(res, report: Report) -> None:
    inner = res.nested_template
    if inner is None or inner.scope is res.template.scope or not res.deployed:
        return
    props = res.raw.get("properties")
    passed = props.get("parameters") if isinstance(props, dict) else None
    passed = passed if isinstance(passed, dict) else {}
    for decl in inner.parameters:
        if decl.name.lower() in (LOCATION, SAS) and decl.name not in passed:
            at, part = res.anchor
            what = "module" if inner.origin.doc is not res.template.origin.doc else \
                "nested deployment"
            report.at_origin(at, part=part, message=(
                "The {kind} '{deployment}' declares '{param}' but is not given a value for it; "
                "pass the caller's '{param}' so that it finds the artifacts where this "
                "deployment does"), kind=what, param=decl.name,
                deployment=res.symbolic_name or res.display_name)
