"""SARIF 2.1.0 output for code scanning and editors, and SARIF baseline files.

Owns: the SARIF log as plain dicts: every selected rule as a descriptor (ID, name, descriptions,
help, help URI, default level, and `properties.equivalents`, the peer tools' rules with the same
meaning), one result per finding with its 1-based region (columns in Unicode code points, as
`columnKind` says), a relative URI against the `ROOT` base (whose absolute `file:` URI ends in
`/`), `partialFingerprints` that do not change when lines move, and suppressions and baseline
state when present (baseline results that are gone only on request: code scanning shows `absent`
results as open alerts). Also the baseline file: a minimal SARIF log (no rule metadata, no
regions; what matching needs and a message for people) written from and read into the
format-neutral `engine.baseline` model. Pure: text in, text out; reading files is the caller's.
`chunks` gives the log in pieces, a result at a time (stream.py), for a report written as it is
encoded.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlparse
from urllib.request import url2pathname

from .. import __version__
from ..engine.baseline import Baseline, BaselineEntry, BaselineError
from ..engine.fingerprint import VERSION as FINGERPRINT
from ..engine.results import RunResult
from .stream import Members, dumps_streaming

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/armlint/armlint"
FULL_NAME = f"armlint {__version__}: linter and policy checker for ARM templates and Bicep"
AUTOMATION_ID = "armlint/"  # code scanning's category: the part before the last '/'


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


_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
AZURE_PREFIX = "azuredevops/pipeline/build/"


def azure_pipeline(env: Mapping[str, str]) -> dict | None:
    """`automationDetails` for GitHub Advanced Security for Azure DevOps, from the variables an
    Azure Pipelines agent sets (TF_BUILD and the build's), or None outside a pipeline or when
    one is missing or malformed: the service drops a run whose id does not start with
    `azuredevops/pipeline/build/` or that lacks the build definition and phase properties."""
    if env.get("TF_BUILD", "").strip().lower() not in ("true", "1"):
        return None

    def first(*names: str) -> str:
        return next((env[n].strip() for n in names if env.get(n, "").strip()), "")

    org = _organisation(first("SYSTEM_COLLECTIONURI"))
    project, phase = first("SYSTEM_TEAMPROJECTID"), first("SYSTEM_PHASEID", "SYSTEM_JOBID")
    definition, build = first("BUILD_DEFINITIONID", "SYSTEM_DEFINITIONID"), first("BUILD_BUILDID")
    definition_name = first("BUILD_DEFINITIONNAME")
    phase_name, branch = first("SYSTEM_PHASENAME", "SYSTEM_JOBNAME"), first("BUILD_SOURCEBRANCH")
    empty = "00000000-0000-0000-0000-000000000000"
    if not (org and definition_name and phase_name and branch and _GUID.match(project)
            and _GUID.match(phase) and phase != empty and project != empty
            and definition.isdigit() and int(definition) > 0 and build.isdigit()
            and int(build) > 0):
        return None
    return {"id": f"{AZURE_PREFIX}{org}/{project}/{int(definition)}/{phase}/{branch}/{int(build)}",
            "properties": {f"{AZURE_PREFIX}buildDefinitionId": str(int(definition)),
                           f"{AZURE_PREFIX}buildDefinitionName": definition_name,
                           f"{AZURE_PREFIX}phaseId": phase,
                           f"{AZURE_PREFIX}phaseName": phase_name}}


def _organisation(collection_uri: str) -> str:
    """The organisation of https://dev.azure.com/ORG/ or https://ORG.visualstudio.com/."""
    parsed = urlparse(collection_uri)
    host = (parsed.hostname or "").lower()
    if host in ("dev.azure.com", "vsrm.dev.azure.com"):
        return parsed.path.strip("/").split("/")[0]
    if host.endswith(".visualstudio.com"):
        return host[:-len(".visualstudio.com")].removesuffix(".vsrm")
    return ""


def automation_id(category: str | None) -> str:
    """`runs[0].automationDetails.id`: code scanning takes the part before the last '/' as the
    analysis category (and then ignores upload-sarif's own `category` input), so two armlint
    runs in one workflow need categories of their own or the second replaces the first."""
    if not category:
        return AUTOMATION_ID
    return category.strip().rstrip("/") + "/"


def _related(index: int, related) -> dict:
    s = related.location.span
    return {"id": index, "message": {"text": related.message}, "physicalLocation": {
        "artifactLocation": _artifact(related.location.path),
        "region": {"startLine": s.start_line, "startColumn": s.start_col,
                   "endLine": s.end_line, "endColumn": s.end_col}}}


def render(result: RunResult, absent: bool = False, category: str | None = None,
           env: Mapping[str, str] | None = None) -> str:
    """The SARIF log of a run; with `absent`, also the baseline's findings that are gone;
    `category` is the code scanning category (default `armlint`). `env` (the environment) in
    an Azure Pipelines build gives the automation details its Advanced Security reads, unless
    a `category` is given."""
    return "".join(chunks(result, absent, category, env))


def chunks(result: RunResult, absent: bool = False, category: str | None = None,
           env: Mapping[str, str] | None = None) -> Iterator[str]:
    """`render`'s text in pieces, a result at a time (see stream.py)."""
    rules = list(result.rules)
    index = {r.id: i for i, r in enumerate(rules)}
    results = Members(_results(result, index, absent))
    run = {
        "tool": {"driver": {
            "name": "armlint",
            "fullName": FULL_NAME,
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFO_URI,
            "rules": [_descriptor(r) for r in rules],
        }},
        "automationDetails": (None if category else azure_pipeline(env or {}))
        or {"id": automation_id(category)},
        "originalUriBaseIds": _base_ids(result.root),
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": True}],
    }
    return dumps_streaming({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, results)


def _results(result: RunResult, index: dict, absent: bool) -> Iterator[dict]:
    """The SARIF result of each finding in order, then with `absent` the baseline's gone ones."""
    for f in result.ordered():
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
            "partialFingerprints": {FINGERPRINT: f.fingerprint},
        }
        if f.rule_id in index:
            item["ruleIndex"] = index[f.rule_id]
        if f.kind != "fail":
            item["kind"] = f.kind
        if f.location.pointer:
            item["locations"][0]["logicalLocations"] = [
                {"fullyQualifiedName": f.location.pointer, "kind": "element"}]
        if f.related:
            item["relatedLocations"] = [_related(i, r) for i, r in enumerate(f.related)]
        if f.suppression is not None:
            sup = {"kind": f.suppression.kind, "status": "accepted"}
            if f.suppression.justification:
                sup["justification"] = f.suppression.justification
            if f.suppression.source:
                sup["properties"] = {"source": f.suppression.source}
            item["suppressions"] = [sup]
        if f.baseline_state:
            item["baselineState"] = f.baseline_state
        yield item
    if absent:
        for entry in result.absent:
            gone = _entry_result(entry)
            if entry.rule_id in index:
                gone["ruleIndex"] = index[entry.rule_id]
            gone["baselineState"] = "absent"
            yield gone


def _base_ids(root: str) -> dict:
    return {"ROOT": {"uri": Path(root).resolve().as_uri().rstrip("/") + "/"}}


def _dump(run: dict) -> str:
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# --- baseline files ---------------------------------------------------------------------------

def _entry_result(entry: BaselineEntry) -> dict:
    return {
        "ruleId": entry.rule_id,
        "message": {"text": entry.message or entry.rule_id},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(entry.path)}}],
        "partialFingerprints": {FINGERPRINT: entry.fingerprint},
    }


def render_baseline(baseline: Baseline, root: str) -> str:
    """A baseline file: a SARIF log of the accepted findings with only what matching needs."""
    run = {
        "tool": {"driver": {"name": "armlint", "fullName": FULL_NAME, "version": __version__,
                            "informationUri": INFO_URI}},
        "automationDetails": {"id": AUTOMATION_ID + "baseline"},
        "originalUriBaseIds": _base_ids(root),
        "results": [_entry_result(e) for e in baseline.entries],
    }
    return _dump(run)


def read_baseline(text: str, name: str) -> Baseline:
    """The baseline in a SARIF log (as armlint writes it, or a full armlint SARIF report).
    Raises BaselineError, naming the file and where in it, for anything else."""
    from ..source import jsonc
    doc = jsonc.load(text)
    if not doc.ok:
        span = doc.error_span()
        raise BaselineError(f"{name}:{span.start_line}:{span.start_col}: the baseline is not "
                            f"valid JSON: {doc.error.message}")

    def bad(pointer: tuple, what: str) -> BaselineError:
        span = doc.locate(pointer)[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in pointer)
        return BaselineError(f"{name}:{span.start_line}:{span.start_col}: not a SARIF baseline: "
                             f"{where.lstrip('.') or 'the file'} {what}")

    def get(node, pointer: tuple, key, kind, what: str, required: bool = True):
        value = node.get(key) if isinstance(node, dict) else None
        if value is None and not required:
            return kind()
        if not isinstance(value, kind):
            raise bad(pointer + ((key,) if key in (node or {}) else ()), what)
        return value

    log = doc.value
    if not isinstance(log, dict):
        raise bad((), "is not a JSON object")
    entries: list[BaselineEntry] = []
    older = False
    runs = get(log, (), "runs", list, "must be a list of runs")
    for i, run in enumerate(runs):
        at = ("runs", i)
        if not isinstance(run, dict):
            raise bad(at, "is not an object")
        for j, result in enumerate(get(run, at, "results", list, "must be a list", False)):
            here = at + ("results", j)
            if not isinstance(result, dict):
                raise bad(here, "is not an object")
            if result.get("baselineState") == "absent":
                continue
            rule = get(result, here, "ruleId", str, "must be a rule ID (a string)")
            prints = get(result, here, "partialFingerprints", dict,
                         f"must be an object with an {FINGERPRINT!r} fingerprint (write the "
                         f"baseline with --write-baseline)")
            fp = prints.get(FINGERPRINT)
            if not isinstance(fp, str):
                if any(k.startswith("armlint/") for k in prints):
                    older = True
                    continue
                raise bad(here + ("partialFingerprints",), f"has no {FINGERPRINT!r} fingerprint")
            uri = _result_uri(result)
            if uri is None:
                raise bad(here, "has no locations[0].physicalLocation.artifactLocation.uri")
            message = result.get("message")
            text_ = message.get("text") if isinstance(message, dict) else None
            entries.append(BaselineEntry(rule, _uri_path(uri), fp,
                                         text_ if isinstance(text_, str) else ""))
    if older and not entries:
        raise BaselineError(f"{name}: the baseline was written by an older armlint whose "
                            f"fingerprints are not comparable; write it again with "
                            f"--write-baseline")
    return Baseline(entries)


def _result_uri(result: dict) -> str | None:
    try:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    except (KeyError, IndexError, TypeError):
        return None
    return uri if isinstance(uri, str) else None


def _uri_path(uri: str) -> str:
    """The reported path of an artifact URI (the inverse of `artifact_uri`)."""
    if uri.startswith("file:"):
        return url2pathname(urlparse(uri).path)
    return unquote(uri)
