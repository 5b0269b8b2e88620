"""AL3007 external-link-without-artifacts-location: a link the deployment downloads that does not
come from the `_artifactsLocation` parameters.

As arm-ttk: a nested deployment's `templateLink.uri`, a web app's `WEBSITE_RUN_FROM_PACKAGE`
app setting (in `siteConfig.appSettings`; also in a `config/appsettings` resource) unless it is
1, and a web app extension's `packageUri`. The value passes when it reads a parameter whose name
contains `artifactsLocation` and one whose name contains `artifactsLocationSasToken` (through
variables). Values that come only from other parameters are unknown and left alone."""
from __future__ import annotations

from ..engine.items import ResourceContext
from ..engine.report import Report
from ..expr.query import call_name, known_text, literal_text
from ..model.uses import trace

_DEPLOYMENTS = "microsoft.resources/deployments"
_SITES = "microsoft.web/sites"
_SLOTS = "microsoft.web/sites/slots"
_EXTENSIONS = ("microsoft.web/sites/extensions", "microsoft.web/sites/slots/extensions")
_CONFIG = ("microsoft.web/sites/config", "microsoft.web/sites/slots/config")


def _param_named(part: str):
    def test(node) -> bool:
        if call_name(node) != "parameters" or not node.args:
            return False
        name = literal_text(node.args[0])
        return name is not None and part in name.lower()
    return test


def _get(raw, *path):
    for key in path:
        if not isinstance(raw, dict) or key not in raw:
            return None, None
        raw = raw[key]
    return raw, True


def _verdict(res, raw) -> str | None:
    """None when the value is fine or cannot be judged; else what is missing."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return None
    if not isinstance(raw, str) or not raw.strip():
        return None
    t = res.template
    if trace(t, raw, _param_named("artifactslocationsastoken")) is not None:
        return None
    if trace(t, raw, _param_named("artifactslocation")) is not None:
        return "sas"
    if raw.strip() == "1":
        return None
    # relative to the template's own link (deployment().properties.templateLink.uri)
    if trace(t, raw, lambda n: call_name(n) == "deployment") is not None:
        return None
    # from other parameters only: the value is chosen by the caller; say nothing
    if trace(t, raw, lambda n: call_name(n) == "parameters") is not None:
        return None
    return "external"


def _report(report: Report, res, what: str, verdict: str, path) -> None:
    if verdict == "sas":
        message = ("{link} reads _artifactsLocation but not _artifactsLocationSasToken; a "
                   "private staging location cannot be read without the SAS token")
    else:
        message = ("{link} links to a location outside the template's artifacts; build it "
                   "from the _artifactsLocation and _artifactsLocationSasToken parameters")
    report.at_origin(res.origin_of(*path), message=message, link=what)


def _app_settings(res):
    settings, ok = _get(res.raw, "properties", "siteConfig", "appSettings")
    if not isinstance(settings, list):
        return
    for i, entry in enumerate(settings):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and \
                entry["name"].upper() == "WEBSITE_RUN_FROM_PACKAGE" and "value" in entry:
            yield entry["value"], ("properties", "siteConfig", "appSettings", i, "value")


def check(ctx: ResourceContext, report: Report) -> None:
    res = ctx.resource
    if not res.deployed:
        return
    key = res.type_key
    if key == _DEPLOYMENTS:
        uri, ok = _get(res.raw, "properties", "templateLink", "uri")
        if ok:
            verdict = _verdict(res, uri)
            if verdict:
                _report(report, res, "The nested deployment's templateLink.uri", verdict,
                        ("properties", "templateLink", "uri"))
    elif key in (_SITES, _SLOTS):
        for value, path in _app_settings(res):
            verdict = _verdict(res, value)
            if verdict:
                _report(report, res, "WEBSITE_RUN_FROM_PACKAGE", verdict, path)
    elif key in _CONFIG:
        name = res.name
        if known_text(name) and name.rsplit("/", 1)[-1].lower() == "appsettings":
            value, ok = _get(res.raw, "properties", "WEBSITE_RUN_FROM_PACKAGE")
            if ok:
                verdict = _verdict(res, value)
                if verdict:
                    _report(report, res, "WEBSITE_RUN_FROM_PACKAGE", verdict,
                            ("properties", "WEBSITE_RUN_FROM_PACKAGE"))
    elif key in _EXTENSIONS:
        uri, ok = _get(res.raw, "properties", "packageUri")
        if ok:
            verdict = _verdict(res, uri)
            if verdict:
                _report(report, res, "The web app extension's packageUri", verdict,
                        ("properties", "packageUri"))
