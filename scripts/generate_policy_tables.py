"""Generate the bundled Azure Policy tables in armlint/data/ from ../shared/data/azure-policy.

Usage: python scripts/generate_policy_tables.py [SOURCE_DIR] [--date YYYY-MM-DD]

Writes four xz-compressed JSON-lines tables, each opening with an index line
`{"meta": {...}, "index": {key: line number}}` so that a run reads only the lines it needs:

  policy-definitions.jsonl.xz  Azure's built-in policy definitions (key: name, lower case)
  policy-initiatives.jsonl.xz  Azure's built-in initiatives (key: name, lower case)
  policy-alz.jsonl.xz          the Azure Landing Zones library: definitions, initiatives,
                               assignments and archetypes (key: "<kind>:<name>", lower case)
  policy-aliases.jsonl.xz      policy aliases, one line per resource type (key: type, lower case)

Definitions keep what evaluation, `policy list` and `policy explain` read: names, display name,
description, mode, version, category, preview/deprecated flags, parameters (type, default,
allowed values, display name) and the policy rule; the ARM template a deployIfNotExists effect
would deploy is dropped (armlint never deploys). Aliases keep the path of each alias, written as
null when it is `properties.<the alias's own suffix>` (two in five are).

The facts come from Azure/azure-policy and Azure/Azure-Landing-Zones-Library (MIT) and from the
alias dump of JanneMattila/azure-policy-evaluator (MIT); see armlint/data/POLICY-NOTICE.md.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import lzma
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "armlint" / "data"

_PARAM_KEYS = ("type", "defaultValue", "allowedValues")


def _slim_parameters(params: dict | None) -> dict:
    out = {}
    for name, decl in (params or {}).items():
        if not isinstance(decl, dict):
            continue
        slim = {k: decl[k] for k in _PARAM_KEYS if k in decl}
        meta = decl.get("metadata") or {}
        if isinstance(meta, dict) and meta.get("displayName"):
            slim["metadata"] = {"displayName": meta["displayName"]}
        out[name] = slim
    return out


def _slim_rule(rule: dict) -> dict:
    then = dict(rule.get("then") or {})
    details = then.get("details")
    if isinstance(details, dict):
        details = {k: v for k, v in details.items() if k not in ("deployment", "roleDefinitionIds")}
        if "deployment" in (rule.get("then") or {}).get("details", {}):
            details["deployment"] = {"omitted": "the template deployIfNotExists would deploy"}
        then["details"] = details
    return {"if": rule.get("if"), "then": then}


def _flags(props: dict) -> dict:
    meta = props.get("metadata") or {}
    out = {}
    for key in ("category", "version", "preview", "deprecated"):
        if key in meta:
            out[key] = meta[key]
    return out


def slim_definition(doc: dict, stem: str) -> dict:
    props = doc.get("properties") or {}
    out_props = {
        "displayName": props.get("displayName", ""),
        "description": props.get("description", ""),
        "policyType": props.get("policyType", ""),
        "mode": props.get("mode"),
        "version": props.get("version") or (props.get("metadata") or {}).get("version"),
        "metadata": _flags(props),
        "parameters": _slim_parameters(props.get("parameters")),
        "policyRule": _slim_rule(props.get("policyRule") or {}),
    }
    return {"name": doc.get("name", stem), "id": doc.get("id", ""), "stem": stem,
            "properties": out_props}


def slim_initiative(doc: dict, stem: str) -> dict:
    props = doc.get("properties") or {}
    members = []
    for m in props.get("policyDefinitions") or []:
        member = {k: m[k] for k in ("policyDefinitionId", "policyDefinitionReferenceId",
                                    "parameters") if k in m}
        members.append(member)
    return {"name": doc.get("name", stem), "id": doc.get("id", ""), "stem": stem,
            "properties": {
                "displayName": props.get("displayName", ""),
                "description": props.get("description", ""),
                "policyType": props.get("policyType", ""),
                "version": props.get("version") or (props.get("metadata") or {}).get("version"),
                "metadata": _flags(props),
                "parameters": _slim_parameters(props.get("parameters")),
                "policyDefinitions": members}}


def _lookup_names(row: dict) -> list:
    """What builtin:NAME matches a row by: name, file stem, display name, the ID's last segment,
    and whether it is a preview or deprecated (which give way when initials are shared)."""
    props = row.get("properties") or {}
    meta = props.get("metadata") or {}
    shown = props.get("displayName", "")
    stale = shown.startswith(("[Preview]", "[Deprecated]")) or \
        str(meta.get("preview")).lower() == "true" or str(meta.get("deprecated")).lower() == "true"
    return [row.get("name", ""), row.get("stem", ""), shown,
            (row.get("id") or "").rstrip("/").rsplit("/", 1)[-1], int(stale)]


def write_table(path: Path, meta: dict, rows: list[tuple[str, dict]], **extra) -> None:
    index = {}
    lines = []
    for key, row in rows:
        index[key] = len(lines) + 1
        lines.append(json.dumps(row, separators=(",", ":"), ensure_ascii=False, sort_keys=False))
    head = json.dumps({"meta": meta, "index": index, **extra}, separators=(",", ":"),
                      ensure_ascii=False)
    data = "\n".join([head] + lines).encode("utf-8")
    path.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    print(f"wrote {len(rows)} rows to {path.relative_to(REPO)} "
          f"({len(data) // 1024} KiB -> {path.stat().st_size // 1024} KiB)")


def _json_files(folder: Path, pattern: str = "*.json") -> list[Path]:
    return sorted(folder.rglob(pattern), key=lambda p: p.as_posix().lower())


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".alz_policy_definition.json", ".alz_policy_set_definition.json",
                   ".alz_policy_assignment.json", ".alz_archetype_definition.json", ".json"):
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?",
                        default=str(REPO.parent / "shared" / "data" / "azure-policy"))
    parser.add_argument("--date", default=datetime.date.today().isoformat())
    args = parser.parse_args()
    src = Path(args.source)
    meta = {"generated": args.date}

    builtin = src / "built-in-policies"
    defs = []
    for f in _json_files(builtin / "policyDefinitions"):
        doc = json.loads(f.read_text(encoding="utf-8-sig"))
        row = slim_definition(doc, _stem(f))
        row["category_folder"] = f.parent.name
        defs.append((row["name"].lower(), row))
    write_table(DATA / "policy-definitions.jsonl.xz",
                {**meta, "source": "Azure/azure-policy built-in-policies/policyDefinitions (MIT)"},
                defs, names={k: _lookup_names(r) for k, r in defs})

    sets = []
    for f in _json_files(builtin / "policySetDefinitions"):
        doc = json.loads(f.read_text(encoding="utf-8-sig"))
        row = slim_initiative(doc, _stem(f))
        sets.append((row["name"].lower(), row))
    write_table(DATA / "policy-initiatives.jsonl.xz",
                {**meta, "source": "Azure/azure-policy built-in-policies/policySetDefinitions (MIT)"},
                sets, names={k: _lookup_names(r) for k, r in sets})

    alz_root = src / "alz-library" / "platform" / "alz"
    alz = []
    for f in _json_files(alz_root / "policy_definitions", "*.alz_policy_definition.json"):
        doc = json.loads(f.read_text(encoding="utf-8-sig"))
        row = slim_definition(doc, _stem(f))
        alz.append(("definition:" + row["name"].lower(), row))
    for f in _json_files(alz_root / "policy_set_definitions", "*.alz_policy_set_definition.json"):
        doc = json.loads(f.read_text(encoding="utf-8-sig"))
        row = slim_initiative(doc, _stem(f))
        alz.append(("initiative:" + row["name"].lower(), row))
    for f in _json_files(alz_root / "policy_assignments", "*.alz_policy_assignment.json"):
        doc = json.loads(f.read_text(encoding="utf-8-sig"))
        doc.pop("$schema", None)
        alz.append(("assignment:" + str(doc.get("name", _stem(f))).lower(), doc))
    for f in _json_files(alz_root / "archetype_definitions", "*.alz_archetype_definition.json"):
        doc = json.loads(f.read_text(encoding="utf-8-sig"))
        doc.pop("$schema", None)
        alz.append(("archetype:" + str(doc.get("name", _stem(f))).lower(), doc))
    write_table(DATA / "policy-alz.jsonl.xz",
                {**meta, "source": "Azure/Azure-Landing-Zones-Library platform/alz (MIT)"}, alz,
                names={k: _lookup_names(r) for k, r in alz
                       if k.startswith(("definition:", "initiative:"))})

    by_type: dict[str, dict] = {}
    spelled: dict[str, str] = {}
    with (src / "policy-aliases.tsv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        next(reader)
        for rtype, alias, path in reader:
            key = rtype.lower()
            spelled.setdefault(key, rtype)
            table = by_type.setdefault(key, {})
            own = alias[len(rtype) + 1:] if alias.lower().startswith(key + "/") else None
            # the alias name keeps its spelling; the path is null when it is properties.<suffix>
            table[alias] = None if own is not None and path == "properties." + own else path
    rows = [(key, {"type": spelled[key], "aliases": table}) for key, table in sorted(by_type.items())]
    # aliases that do not start with their type (Microsoft.Compute/imagePublisher): their types
    shared: dict[str, list] = {}
    for key, table in sorted(by_type.items()):
        for alias in table:
            if not alias.lower().startswith(key + "/"):
                shared.setdefault(alias.lower(), []).append(key)
    write_table(DATA / "policy-aliases.jsonl.xz",
                {**meta, "source": "JanneMattila/azure-policy-evaluator policy-aliases (MIT), "
                                   "a Get-AzPolicyAlias dump of 2024-05-28"}, rows, shared=shared)


if __name__ == "__main__":
    main()
