"""Effects, assignments, initiatives, parameter precedence and modes."""
from __future__ import annotations

import pytest

from tests.unit.policy.helpers import definition, fired, run, template, undetermined

ST = "Microsoft.Storage/storageAccounts"
HTTPS = {"allOf": [{"field": "type", "equals": ST},
                   {"field": f"{ST}/supportsHttpsTrafficOnly", "equals": "false"}]}


def storage(props=None, name="st1", **extra):
    res = {"type": ST, "apiVersion": "2023-05-01", "name": name, "location": "westeurope",
           "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "properties": props or {}}
    res.update(extra)
    return res


BAD = template(storage({"supportsHttpsTrafficOnly": False}))
EFFECT_PARAM = {"effect": {"type": "String", "allowedValues": ["Audit", "Deny", "Disabled"],
                           "defaultValue": "Audit"}}


def levels(text, *docs):
    return [(rule, level, kind) for rule, level, kind, *_ in run(text, *docs)]


@pytest.mark.parametrize("effect, level", [("deny", "error"), ("Audit", "warning"),
                                           ("AUDIT", "warning")])
def test_deny_and_audit(effect, level):
    assert levels(BAD, definition(HTTPS, effect=effect)) == [("p1", level, "fail")]


@pytest.mark.parametrize("effect", ["disabled", "Manual", "denyAction"])
def test_effects_that_do_nothing_here(effect):
    assert run(BAD, definition(HTTPS, effect=effect)) == []


def test_effect_from_a_parameter_default():
    doc = definition(HTTPS, effect="[parameters('effect')]", parameters=EFFECT_PARAM)
    assert levels(BAD, doc) == [("p1", "warning", "fail")]


def assignment(target, params=None, **props):
    return {"name": "asg1", "type": "Microsoft.Authorization/policyAssignments",
            "properties": {"policyDefinitionId": target, "parameters": {
                k: {"value": v} for k, v in (params or {}).items()}, **props}}


def initiative(params=None, member_params=None):
    return {"name": "set1", "type": "Microsoft.Authorization/policySetDefinitions",
            "properties": {"displayName": "Set", "parameters": params or {},
                           "policyDefinitions": [{
                               "policyDefinitionId": "/providers/Microsoft.Management/managementGroups/"
                                                     "mg/providers/Microsoft.Authorization/policyDefinitions/p1",
                               "policyDefinitionReferenceId": "ref1",
                               "parameters": member_params or {}}]}}


def test_parameter_precedence_assignment_over_initiative_over_definition():
    doc = definition(HTTPS, effect="[parameters('effect')]", parameters=EFFECT_PARAM)
    set_params = {"setEffect": {"type": "String", "defaultValue": "Deny"}}
    members = {"effect": {"value": "[parameters('setEffect')]"}}
    target = "/providers/Microsoft.Authorization/policySetDefinitions/set1"
    # definition default (Audit) when nothing else gives a value
    assert levels(BAD, doc) == [("p1", "warning", "fail")]
    # the initiative's default (Deny) over the definition's
    assert levels(BAD, doc, initiative(set_params, members),
                  assignment(target)) == [("p1", "error", "fail")]
    # the assignment's value (Disabled) over the initiative's
    assert levels(BAD, doc, initiative(set_params, members),
                  assignment(target, {"setEffect": "Disabled"})) == []
    # an initiative parameter without default and no value: the effect is not known
    no_default = {"setEffect": {"type": "String"}}
    found = run(BAD, doc, initiative(no_default, members), assignment(target))
    assert [(k, "effect" in m) for _, _, k, _, _, m in found] == [("open", True)]


def test_assignment_of_a_definition_and_its_message():
    doc = definition(HTTPS, effect="[parameters('effect')]", parameters=EFFECT_PARAM)
    asg = assignment("/providers/Microsoft.Management/managementGroups/mg/providers/"
                     "Microsoft.Authorization/policyDefinitions/p1", {"effect": "Deny"},
                     nonComplianceMessages=[{"message": "HTTPS {enforcementMode} be on."}])
    found = run(BAD, doc, asg)
    assert [(lvl, k) for _, lvl, k, *_ in found] == [("error", "fail")]
    assert found[0][5].startswith("HTTPS must be on.: properties.supportsHttpsTrafficOnly is false")
    assert "(assignment 'asg1')" in found[0][5]


def test_do_not_enforce_lowers_deny_to_a_warning_that_says_so():
    doc = definition(HTTPS)
    asg = assignment("p1", enforcementMode="DoNotEnforce")
    found = run(BAD, doc, asg)
    assert [(lvl, k) for _, lvl, k, *_ in found] == [("warning", "fail")]
    assert "not enforced: the assignment's enforcementMode is DoNotEnforce" in found[0][5]


def test_effect_override_by_reference_id():
    doc = definition(HTTPS, effect="[parameters('effect')]", parameters=EFFECT_PARAM)
    target = "/providers/Microsoft.Authorization/policySetDefinitions/set1"
    members = {"effect": {"value": "Audit"}}
    override = [{"kind": "policyEffect", "value": "Deny",
                 "selectors": [{"kind": "policyDefinitionReferenceId", "in": ["ref1"]}]}]
    assert levels(BAD, doc, initiative({}, members),
                  assignment(target, overrides=override)) == [("p1", "error", "fail")]


def test_resource_selectors():
    doc = definition(HTTPS, effect="audit")
    sel = [{"name": "eu", "selectors": [{"kind": "resourceLocation", "in": ["westeurope"]}]}]
    assert levels(BAD, doc, assignment("p1", resourceSelectors=sel)) == [("p1", "warning", "fail")]
    sel = [{"name": "us", "selectors": [{"kind": "resourceLocation", "in": ["eastus"]}]}]
    assert levels(BAD, doc, assignment("p1", resourceSelectors=sel)) == []


def test_modify_and_append_say_what_azure_would_change():
    cond = {"allOf": [{"field": "type", "equals": ST}, {"field": "tags['env']", "exists": "false"}]}
    modify = definition(cond, effect="modify", details={
        "roleDefinitionIds": [], "operations": [
            {"operation": "addOrReplace", "field": "tags['env']", "value": "dev"}]})
    found = run(BAD, modify)
    assert [(lvl, k) for _, lvl, k, *_ in found] == [("note", "fail")]
    assert "Azure would set tags['env'] = 'dev'" in found[0][5]
    append = definition(HTTPS, effect="append", details=[
        {"field": f"{ST}/supportsHttpsTrafficOnly", "value": True}])
    found = run(BAD, append)
    assert "Azure would append true to Microsoft.Storage/storageAccounts/supportsHttpsTrafficOnly" \
        in found[0][5]


DIAG = "Microsoft.Insights/diagnosticSettings"
VAULT = {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv1",
         "location": "westeurope", "properties": {"tenantId": "x", "sku": {"family": "A",
                                                                          "name": "standard"}}}


def diag(enabled, scope="[resourceId('Microsoft.KeyVault/vaults', 'kv1')]"):
    return {"type": DIAG, "apiVersion": "2021-05-01-preview", "name": "d1", "scope": scope,
            "properties": {"logs": [{"category": "AuditEvent", "enabled": enabled}]}}


AINE = definition({"field": "type", "equals": "Microsoft.KeyVault/vaults"},
                  effect="auditIfNotExists", details={
                      "type": DIAG, "existenceCondition": {
                          "field": f"{DIAG}/logs[*].enabled", "equals": "true"}})


def test_audit_if_not_exists_compliant_when_the_template_deploys_it():
    assert run(template(VAULT, diag(True)), AINE) == []


def test_audit_if_not_exists_undetermined_when_it_could_exist_elsewhere():
    found = undetermined(template(VAULT), AINE)
    assert "deploys no Microsoft.Insights/diagnosticSettings" in found[0]
    # a non-compliant one without a fixed name: another one could still meet the condition
    assert undetermined(template(VAULT, diag(False)), AINE)
    assert not fired(template(VAULT, diag(False)), AINE)


def test_audit_if_not_exists_finding_when_the_named_one_is_wrong():
    named = definition({"field": "type", "equals": "Microsoft.Sql/servers"},
                       effect="auditIfNotExists", details={
                           "type": "Microsoft.Sql/servers/auditingSettings", "name": "default",
                           "existenceCondition": {
                               "field": "Microsoft.Sql/servers/auditingSettings/state",
                               "equals": "Enabled"}})
    server = {"type": "Microsoft.Sql/servers", "apiVersion": "2023-05-01-preview",
              "name": "srv", "location": "westeurope", "properties": {},
              "resources": [{"type": "auditingSettings", "apiVersion": "2023-05-01-preview",
                             "name": "default", "properties": {"state": "Disabled"}}]}
    found = run(template(server), named)
    assert [(lvl, k) for _, lvl, k, *_ in found] == [("warning", "fail")]
    assert "auditingSettings 'default' this template deploys does not meet" in found[0][5]
    server["resources"][0]["properties"]["state"] = "Enabled"
    assert run(template(server), named) == []


def test_deploy_if_not_exists_field_function_reads_the_evaluated_resource():
    dine = definition({"field": "type", "equals": ST}, effect="deployIfNotExists", details={
        "type": "Microsoft.Storage/storageAccounts/blobServices", "name": "default",
        "existenceCondition": {"value": "[field('name')]", "equals": "st1"},
        "deployment": {"properties": {"mode": "incremental", "template": {}}}})
    res = storage({}, resources=[{"type": "blobServices", "apiVersion": "2023-05-01",
                                  "name": "default", "properties": {}}])
    assert run(template(res), dine) == []  # field('name') is the storage account's name


def test_indexed_mode_skips_resources_without_tags_and_location():
    cond = {"field": "name", "like": "*"}
    child = {"type": "Microsoft.Network/routeTables/routes", "apiVersion": "2023-09-01",
             "name": "rt/r1", "properties": {}}
    assert fired(template(child), definition(cond, mode="All"))
    assert not run(template(child), definition(cond, mode="Indexed"))
    assert not run(template(child), definition(cond, mode=None))  # no mode reads as Indexed
    assert fired(template(storage()), definition(cond, mode="indexed"))


def test_resource_provider_modes_are_skipped():
    assert run(BAD, definition(HTTPS, mode="Microsoft.KeyVault.Data")) == []


def test_resources_not_deployed_are_not_evaluated():
    existing = storage({"supportsHttpsTrafficOnly": False}, existing=True)
    off = storage({"supportsHttpsTrafficOnly": False}, condition=False)
    for res in (existing, off):
        assert run(template(res), definition(HTTPS)) == []
    assert fired(template(storage({"supportsHttpsTrafficOnly": False}, condition="[true()]")),
                 definition(HTTPS))


def test_resource_groups_have_their_policy_type():
    rg = {"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2022-09-01",
          "name": "rg1", "location": "westeurope"}
    text = template(rg).replace("2019-04-01/deploymentTemplate", "2018-05-01/subscriptionDeploymentTemplate")
    cond = {"allOf": [{"field": "type", "equals": "Microsoft.Resources/subscriptions/resourceGroups"},
                      {"field": "tags", "exists": "false"}]}
    assert fired(text, definition(cond, mode="All"))
    # the documented exception: Indexed does not evaluate resource groups, though they have
    # tags and a location
    assert not run(text, definition(cond, mode="Indexed"))


def test_nested_deployment_resources_are_evaluated():
    nested = {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
              "name": "inner", "properties": {"mode": "Incremental", "template": {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "resources": [storage({"supportsHttpsTrafficOnly": False})]}}}
    assert fired(template(nested), definition(HTTPS))


def test_one_definition_in_two_initiatives_reports_the_strongest_effect_once():
    doc = definition(HTTPS, effect="[parameters('effect')]", parameters=EFFECT_PARAM)

    def initiative_with(name, effect):
        return {"name": name, "type": "Microsoft.Authorization/policySetDefinitions",
                "properties": {"policyDefinitions": [{
                    "policyDefinitionId": "p1", "policyDefinitionReferenceId": "r",
                    "parameters": {"effect": {"value": effect}}}]}}
    found = run(BAD, doc, initiative_with("audit-set", "Audit"), initiative_with("deny-set", "Deny"))
    assert [(lvl, k) for _, lvl, k, *_ in found] == [("error", "fail")]


def test_not_scopes_make_a_finding_undetermined():
    asg = assignment("p1", notScopes=["/subscriptions/x/resourceGroups/sandbox"])
    found = run(BAD, definition(HTTPS), asg)
    assert [(k, "notScopes" in m) for _, _, k, _, _, m in found] == [("open", True)]
    assert run(template(storage({"supportsHttpsTrafficOnly": True})), definition(HTTPS), asg) == []


def test_audit_if_not_exists_on_the_resource_itself_and_by_full_name():
    same = definition({"field": "type", "equals": ST}, effect="auditIfNotExists", details={
        "type": ST, "name": "[field('name')]",
        "existenceCondition": {"field": f"{ST}/minimumTlsVersion", "equals": "TLS1_2"}})
    found = run(template(storage({"minimumTlsVersion": "TLS1_0"})), same)
    assert [(lvl, k) for _, lvl, k, *_ in found] == [("warning", "fail")]
    assert "itself does not meet the policy's existence condition" in found[0][5]
    assert run(template(storage({"minimumTlsVersion": "TLS1_2"})), same) == []
    nested = definition({"field": "type", "equals": "Microsoft.Sql/servers"},
                        effect="auditIfNotExists", details={
                            "type": "Microsoft.Sql/servers/databases",
                            "name": "[concat(field('name'), '/master')]",
                            "existenceCondition": {"field": "name", "equals": "master"}})
    server = {"type": "Microsoft.Sql/servers", "apiVersion": "2023-05-01-preview", "name": "srv",
              "location": "westeurope", "properties": {},
              "resources": [{"type": "databases", "apiVersion": "2023-05-01-preview",
                             "name": "master", "location": "westeurope"}]}
    assert run(template(server), nested) == []  # found by its full name srv/master
    other_group = definition({"field": "type", "equals": ST}, effect="auditIfNotExists",
                             details={"type": "Microsoft.Network/networkWatchers",
                                      "resourceGroupName": "NetworkWatcherRG"})
    watcher = {"type": "Microsoft.Network/networkWatchers", "apiVersion": "2023-09-01",
               "name": "nw", "location": "westeurope"}
    # the watcher this template deploys is in its own resource group, not NetworkWatcherRG
    assert undetermined(template(storage(), watcher), other_group)


def test_do_not_enforce_modify_changes_nothing():
    cond = {"allOf": [{"field": "type", "equals": ST}, {"field": "tags['env']", "exists": "false"}]}
    modify = definition(cond, effect="modify", details={"operations": [
        {"operation": "add", "field": "tags['env']", "value": "dev"}]})
    found = run(BAD, modify, assignment("p1", enforcementMode="DoNotEnforce"))
    assert [(lvl, k) for _, lvl, k, *_ in found] == [("note", "fail")]
    assert "does not enforce it (DoNotEnforce)" in found[0][5] and "Azure would" not in found[0][5]
