"""Policy documents in every form people keep them, builtin:NAME lookups, alias files, and the
errors a broken file gives (file, line, column)."""
from __future__ import annotations

import json

import pytest

from armlint.policy.aliases import AliasFileError, AliasTable
from armlint.policy.documents import (Archetype, Assignment, Definition, Initiative,
                                      PolicyFileError, read_file)
from armlint.policy.library import PolicySourceError, initials, load_sources, read_source, units

RULE = {"if": {"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
        "then": {"effect": "audit"}}


def write(tmp_path, name, doc):
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, indent=2))
    return path


@pytest.mark.parametrize("doc, name", [
    ({"name": "exp", "properties": {"displayName": "Export", "mode": "All", "policyRule": RULE}},
     "exp"),  # Azure's export format
    ({"name": "flat", "displayName": "Flat", "mode": "All", "policyRule": RULE}, "flat"),  # az show
    ({"policyRule": RULE}, "file-stem"),  # bare: named after its file
    (RULE, "file-stem"),  # just if/then
])
def test_definition_forms(tmp_path, doc, name):
    (record,) = read_file(write(tmp_path, "file-stem.json", doc), explicit=True)
    assert isinstance(record, Definition) and record.name == name
    assert record.rule["then"]["effect"] == "audit"


def test_lists_rest_responses_and_jsonc(tmp_path):
    docs = [{"name": "a", "policyRule": RULE}, {"name": "b", "policyRule": RULE}]
    assert [r.name for r in read_file(write(tmp_path, "l.json", docs), True)] == ["a", "b"]
    assert [r.name for r in read_file(write(tmp_path, "v.json", {"value": docs}), True)] == \
        ["a", "b"]
    text = '// exported\n{"name": "c", /* inline */ "policyRule": %s,}' % json.dumps(RULE)
    assert [r.name for r in read_file(write(tmp_path, "c.jsonc", text), True)] == ["c"]


def test_initiatives_assignments_and_epac_names(tmp_path):
    initiative = {"name": "set", "properties": {"policyDefinitions": [
        {"policyDefinitionName": "mine", "parameters": {"effect": {"value": "Deny"}}},
        {"policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/g",
         "policyDefinitionReferenceId": "ref"}]}}
    (ini,) = read_file(write(tmp_path, "set.json", initiative), True)
    assert isinstance(ini, Initiative)
    assert [(m.definition_id, m.reference_id) for m in ini.members] == \
        [("mine", "mine_0"), ("/providers/Microsoft.Authorization/policyDefinitions/g", "ref")]
    asg = {"name": "a1", "properties": {
        "policyDefinitionId": "/providers/Microsoft.Authorization/policySetDefinitions/set",
        "parameters": {"x": {"value": [1]}}, "enforcementMode": "DoNotEnforce",
        "notScopes": ["/subscriptions/s"],
        "nonComplianceMessages": [{"message": "all"},
                                  {"message": "one", "policyDefinitionReferenceId": "ref"}]}}
    (a,) = read_file(write(tmp_path, "a.json", asg), True)
    assert isinstance(a, Assignment) and not a.enforced and a.parameters == {"x": [1]}
    assert (a.message_for("REF"), a.message_for("other"), a.not_scopes) == \
        ("one", "all", ["/subscriptions/s"])


def test_alz_library_files(tmp_path):
    write(tmp_path, "Deny-X.alz_policy_definition.json", {"name": "Deny-X", "properties": {
        "mode": "Indexed", "policyRule": RULE}})
    write(tmp_path, "Arch.alz_archetype_definition.json",
          {"name": "arch", "policy_assignments": ["A1"], "policy_definitions": ["Deny-X"]})
    write(tmp_path, "A1.alz_policy_assignment.json", {"name": "A1", "properties": {
        "policyDefinitionId": "/providers/Microsoft.Management/managementGroups/placeholder/"
                              "providers/Microsoft.Authorization/policyDefinitions/Deny-X"}})
    source = read_source(str(tmp_path))
    kinds = sorted(type(r).__name__ for r in source.records)
    assert kinds == ["Archetype", "Assignment", "Definition"]
    sources, library = load_sources([str(tmp_path)])
    applied = units(sources, library)
    assert [(u.definition.name, u.assignment.name) for u in applied] == [("Deny-X", "A1")]


@pytest.mark.parametrize("text, message, where", [
    ('{"policyRule": {"if": {}, "then": {}', "unexpected end of file", (1, 37)),
    ('{"policyRule": {"if": 3, "then": {"effect": "deny"}}}', "needs an 'if' condition object",
     (1, 16)),
    ('[{"policyRule": {"if": {}, "then": {"effect": "deny"}}},\n {"policyRule": 1}]',
     "needs a 'policyRule' object", (2, 2)),
    ('{"properties": {"policyDefinitionId": ""}, "type": "Microsoft.Authorization/'
     'policyAssignments"}', "needs a 'policyDefinitionId'", (1, 1)),
    ('{"unrelated": 1}', "not a policy definition, initiative, assignment", (1, 1)),
])
def test_broken_files_name_the_place(tmp_path, text, message, where):
    with pytest.raises(PolicyFileError) as err:
        read_file(write(tmp_path, "bad.json", text), explicit=True)
    assert message in err.value.message and (err.value.line, err.value.col) == where


def test_folders_skip_what_is_not_policy(tmp_path):
    write(tmp_path, "package.json", {"name": "x"})
    write(tmp_path, "p.json", {"name": "p", "policyRule": RULE})
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "q.json", {"name": "q", "policyRule": RULE})
    assert [r.name for r in read_source(str(tmp_path)).records] == ["p"]


@pytest.mark.parametrize("query, name", [
    ("MCSB", "1f3afdf9-d0c9-4c3d-847f-89da613e70a8"),  # initials; the preview v2 gives way
    ("MCSBv2", "e3ec7e09-768c-4b64-882c-fcada3772047"),  # file stem
    ("microsoft cloud security benchmark", "1f3afdf9-d0c9-4c3d-847f-89da613e70a8"),
    ("06f19060-9e68-4070-92ca-f15cc126059e", "06f19060-9e68-4070-92ca-f15cc126059e"),  # GUID
    ("Enforce-Guardrails-Network", "Enforce-Guardrails-Network_20250326"),  # ALZ, no date
])
def test_builtin_initiatives(query, name):
    source = read_source(f"builtin:{query}")
    assert [r.name for r in source.applied] == [name]


def test_builtin_globs_definitions_all_and_archetypes():
    guardrails = read_source("builtin:Enforce-Guardrails-*").applied
    assert len(guardrails) >= 25 and all(r.name.startswith("Enforce-Guardrails-")
                                         for r in guardrails)
    (d,) = read_source("builtin:Secure transfer to storage accounts should be enabled").applied
    assert isinstance(d, Definition) and d.name == "404c3081-a854-4457-ae30-26a93ef643f9"
    assert len(read_source("builtin:all").applied) > 3000
    (arch,) = read_source("builtin:alz:landing_zones").applied
    assert isinstance(arch, Archetype) and "Deny-IP-forwarding" in arch.assignments
    with pytest.raises(PolicySourceError):
        read_source("builtin:alz:nowhere")
    with pytest.raises(PolicySourceError):
        read_source("builtin:certainly not a policy")


def test_initials():
    assert initials("[Preview]: Microsoft cloud security benchmark v2") == "MCSB"
    assert initials("CIS Microsoft Azure Foundations Benchmark v2.0.0") == "CMAFB"


def test_alias_file_with_paths_by_api_version(tmp_path):
    doc = [{"namespace": "Microsoft.Web", "resourceTypes": [{"resourceType": "sites", "aliases": [
        {"name": "Microsoft.Web/sites/brandNew", "defaultPath": "properties.brandNew",
         "paths": [{"path": "properties.oldPlace", "apiVersions": ["2020-01-01"]}]},
        {"name": "Microsoft.Web/sites/httpsOnly", "defaultPath": "properties.httpsOnlyMoved"}]}]}]
    table = AliasTable([write(tmp_path, "aliases.json", doc)])
    new = table.info("Microsoft.Web/sites/brandNew")
    assert new.resolve("Microsoft.Web/sites", "2023-01-01") == ("properties", "brandNew")
    assert new.resolve("Microsoft.Web/sites", "2020-01-01") == ("properties", "oldPlace")
    assert new.resolve("Microsoft.Web/sites", None) is None  # depends on an unknown version
    # a given alias replaces the bundled path for its type
    assert table.info("Microsoft.Web/sites/httpsOnly").resolve("Microsoft.Web/sites") == \
        ("properties", "httpsOnlyMoved")
    bundled = AliasTable().info("Microsoft.Web/sites/httpsOnly")
    assert bundled.resolve("Microsoft.Web/sites") == ("properties", "httpsOnly")


def test_bad_alias_file(tmp_path):
    with pytest.raises(AliasFileError) as err:
        AliasTable([write(tmp_path, "a.json", '[{"namespace": "X", "resourceTypes": [\n'
                                               '  {"resourceType": "t", "aliases": [{"x": 1}]}]}]')])
    assert (err.value.line, "needs a 'name'" in err.value.message) == (2, True)


def test_policy_folders_do_not_follow_links_or_read_fifos(tmp_path):
    import os
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "secret.json", {"name": "outside", "policyRule": RULE})
    folder = tmp_path / "policies"
    folder.mkdir()
    write(folder, "p.json", {"name": "p", "policyRule": RULE})
    os.symlink(outside, folder / "linked-dir")
    os.symlink(outside / "secret.json", folder / "linked.json")
    assert [r.name for r in read_source(str(folder)).records] == ["p"]
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    with pytest.raises(PolicyFileError) as err:
        read_file(fifo, explicit=True)  # refused, not a hang
    assert "not read" in err.value.message
