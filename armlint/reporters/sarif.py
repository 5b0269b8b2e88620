"""SARIF 2.1.0 output for code scanning and editors.

Owns: the SARIF log as plain dicts: every selected rule as a descriptor (ID, name, descriptions,
help, help URI, default level, and `properties.equivalents`, the peer tools' rules with the same
meaning), one result per finding with its 1-based region (columns in Unicode code points, as
`columnKind` says), a relative URI against the `ROOT` base (whose absolute `file:` URI ends in
`/`), `partialFingerprints` that do not change when lines move, and suppressions and baseline
state when present. Pure: RunResult in, string out.
"""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from .. import __version__
from ..engine.results import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/armlint/armlint"


def _descriptor(rule) -> dict:
    docs = rule.docs or {}
    help_text = "\n\n".join(x for x in (docs.get("why", ""), docs.get("use_instead", "")) if x)
    markdown = f"**{rule.title}**\n\n{docs.get('what', '')}\n\n**Why:** {docs.get('why', '')}"
    if docs.get("use_instead"):
        markdown += f"\n\n**Use instead:** {docs['use_instead']}"
    props = {"equivalents": list(rule.equivalents), "tags": list(rule.tags),
             "category": rule.category}
    if rule.options:
        props["options"] = rule.options
    extra = getattr(rule, "sarif_properties", None)
    if extra is not None:  # an Azure Policy definition: its ID, category, effect, assignment
        props = {**extra(), "equivalents": []}
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": docs.get("what", rule.title)},
        "help": {"text": help_text or rule.title, "markdown": markdown},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": rule.level, "enabled": rule.enabled},
        "properties": props,
    }


def artifact_uri(path: str) -> str:
    """The URI of a reported path: relative (to ROOT) and percent-encoded, or absolute."""
    p = PurePosixPath(path)
    if p.is_absolute():
        return Path(path).as_uri()
    return "/".join(quote(part) for part in p.parts)


def _artifact(path: str) -> dict:
    if PurePosixPath(path).is_absolute():
        return {"uri": artifact_uri(path)}
    return {"uri": artifact_uri(path), "uriBaseId": "ROOT"}


def render(result: RunResult) -> str:
    rules = list(result.rules)
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for f in sorted(result.findings, key=lambda f: f.sort_key()):
        s = f.location.span
        item = {
            "ruleId": f.rule_id,
            "level": f.level,
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": _artifact(f.location.path),
                "region": {"startLine": s.start_line, "startColumn": s.start_col,
                           "endLine": s.end_line, "endColumn": s.end_col},
            }}],
            "partialFingerprints": {"armlint/v1": f.fingerprint},
        }
        if f.rule_id in index:
            item["ruleIndex"] = index[f.rule_id]
        if f.kind != "fail":
            item["kind"] = f.kind
        if f.location.pointer:
            item["locations"][0]["logicalLocations"] = [
                {"fullyQualifiedName": f.location.pointer, "kind": "element"}]
        if f.suppression is not None:
            sup = {"kind": f.suppression.kind, "status": "accepted"}
            if f.suppression.justification:
                sup["justification"] = f.suppression.justification
            if f.suppression.source:
                sup["properties"] = {"source": f.suppression.source}
            item["suppressions"] = [sup]
        if f.baseline_state:
            item["baselineState"] = f.baseline_state
        results.append(item)
    results.extend(result.absent)
    root_uri = Path(result.root).resolve().as_uri().rstrip("/") + "/"
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "armlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFO_URI,
                "rules": [_descriptor(r) for r in rules],
            }},
            "originalUriBaseIds": {"ROOT": {"uri": root_uri}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": True}],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
