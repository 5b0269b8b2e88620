"""Settings written by child resources: the `effective` view merges them into their parent in
every linking form (nested, `site/web` by name, `parent:` in Bicep, languageVersion 2.0), with
positions in the child; `settings` indexes children by type and name; stand-ins describe parents
a file does not deploy, with what their children write and Unknown for everything else."""
from armlint.bicep.lower import ModuleLoader
from armlint.engine.contexts import Contexts
from armlint.engine.jmes import Expression
from armlint.engine.locate import locate
from armlint.expr.values import Unknown
from armlint.model.build import build_template_model
from armlint.source.jsonc import load

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def contexts(text, tmp_path=None, bicep=False):
    if bicep:
        path = tmp_path / "main.bicep"
        path.write_text(text)
        doc, value = ModuleLoader().lowered(path, text)
        model = build_template_model(doc, value, {}, language="bicep")
    else:
        doc = load(text)
        assert doc.ok, doc.error
        model = build_template_model(doc, doc.value, {})
    return Contexts(model), model


def items(ctxs, model, rtype):
    found = [ctxs.resource(r) for r in model.resources if r.type == rtype and not r.existing]
    return found + [ctxs.stand_in(s) for s in ctxs.stand_ins() if s.type == rtype]


def where(text, line, needle):
    """'line:col' of the first `needle` on a line of `text` (1-based), for expected positions."""
    return f"{line}:{text.splitlines()[line - 1].index(needle) + 1}"


def at(ctx, path):
    """(value, 'line:col') of a context path."""
    found = locate(ctx, (path,))
    span = found[1] if found else None
    return Expression(path).search(ctx), (f"{span.start_line}:{span.start_col}" if span else None)


SITE_JSON = """{"$schema": "%s", "parameters": {"site": {"type": "string"}},
"resources": [
 {"type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "[parameters('site')]",
  "properties": {"httpsOnly": true, "siteConfig": {"minTlsVersion": "1.0", "ftpsState": "Disabled"}},
  "resources": [
   {"type": "config", "apiVersion": "2022-09-01", "name": "logs",
    "properties": {"httpLogs": {"fileSystem": {"enabled": true}}}}]},
 {"type": "Microsoft.Web/sites/config", "apiVersion": "2022-09-01",
  "name": "[concat(parameters('site'), '/web')]",
  "properties": {"minTlsVersion": "1.2", "remoteDebuggingEnabled": true}},
 {"type": "Microsoft.Web/sites/config", "apiVersion": "2022-09-01", "name": "elsewhere/web",
  "properties": {"minTlsVersion": "1.1"}}
]}""" % SCHEMA


def test_site_config_child_merges_into_site_config_and_points_at_the_child():
    ctxs, model = contexts(SITE_JSON)
    site, stand = items(ctxs, model, "Microsoft.Web/sites")
    assert at(site, "effective.properties.siteConfig.minTlsVersion") == ("1.2", where(SITE_JSON, 10, '"1.2"'))
    assert at(site, "effective.properties.siteConfig.remoteDebuggingEnabled") == (
        True, where(SITE_JSON, 10, "true"))
    assert at(site, "effective.properties.siteConfig.ftpsState") == (
        "Disabled", where(SITE_JSON, 4, '"Disabled"'))
    assert at(site, "effective.properties.httpsOnly") == (True, where(SITE_JSON, 4, "true"))
    assert at(site, "settings.config.logs.httpLogs.fileSystem.enabled") == (
        True, where(SITE_JSON, 7, "true"))
    assert at(site, "settings.config.web.minTlsVersion") == ("1.2", where(SITE_JSON, 10, '"1.2"'))
    assert site["resource"]["properties"]["siteConfig"]["minTlsVersion"] == "1.0"  # as written
    assert stand["stand_in"] is True and stand["display_name"] == "elsewhere"
    assert at(stand, "effective.properties.siteConfig.minTlsVersion") == (
        "1.1", where(SITE_JSON, 12, '"1.1"'))
    for unknown in ("effective.properties.siteConfig.ftpsState", "effective.properties.httpsOnly",
                    "settings.config.logs", "resource.kind", "api_version"):
        assert isinstance(Expression(unknown).search(stand), Unknown), unknown


SITE_BICEP = """param siteName string
resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: siteName
  location: 'westeurope'
  properties: {
    siteConfig: { minTlsVersion: '1.0', ftpsState: 'AllAllowed' }
  }
  resource web 'config' = {
    name: 'web'
    properties: { minTlsVersion: '1.2' }
  }
}
resource slot 'Microsoft.Web/sites/slots@2022-09-01' = {
  parent: site
  name: 'staging'
  location: 'westeurope'
}
resource slotWeb 'Microsoft.Web/sites/slots/config@2022-09-01' = {
  parent: slot
  name: 'web'
  properties: { ftpsState: 'FtpsOnly' }
}
resource other 'Microsoft.Web/sites@2022-09-01' existing = { name: 'other' }
resource otherWeb 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: other
  name: 'web'
  properties: { minTlsVersion: '1.0' }
}
"""


def test_bicep_nested_and_parent_forms_and_existing_parents(tmp_path):
    ctxs, model = contexts(SITE_BICEP, tmp_path, bicep=True)
    site, other = items(ctxs, model, "Microsoft.Web/sites")
    assert at(site, "effective.properties.siteConfig.minTlsVersion") == (
        "1.2", where(SITE_BICEP, 10, "'1.2'"))
    assert at(site, "effective.properties.siteConfig.ftpsState") == (
        "AllAllowed", where(SITE_BICEP, 6, "'AllAllowed'"))
    (slot,) = items(ctxs, model, "Microsoft.Web/sites/slots")
    assert at(slot, "effective.properties.siteConfig.ftpsState") == (
        "FtpsOnly", where(SITE_BICEP, 21, "'FtpsOnly'"))
    assert other["stand_in"] and other["name"] == "other"
    assert at(other, "effective.properties.siteConfig.minTlsVersion") == (
        "1.0", where(SITE_BICEP, 27, "'1.0'"))


def test_an_existing_parent_that_the_file_also_deploys_gets_no_stand_in(tmp_path):
    text = """resource site 'Microsoft.Web/sites@2022-09-01' = { name: 'app', location: 'x' }
resource ref 'Microsoft.Web/sites@2022-09-01' existing = { name: 'app' }
resource web 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: ref
  name: 'web'
  properties: { minTlsVersion: '1.0' }
}
"""
    ctxs, model = contexts(text, tmp_path, bicep=True)
    (site,) = items(ctxs, model, "Microsoft.Web/sites")
    assert site["stand_in"] is False
    assert at(site, "effective.properties.siteConfig.minTlsVersion") == (
        "1.0", where(text, 6, "'1.0'"))


def test_language_version_2_symbolic_parent():
    text = """{"$schema": "%s", "languageVersion": "2.0", "resources": {
  "site": {"type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "app",
           "properties": {}},
  "web": {"type": "Microsoft.Web/sites/config", "apiVersion": "2022-09-01", "parent": "site",
          "name": "web", "properties": {"http20Enabled": false}}}}""" % SCHEMA
    ctxs, model = contexts(text)
    (site,) = items(ctxs, model, "Microsoft.Web/sites")
    assert at(site, "effective.properties.siteConfig.http20Enabled") == (
        False, where(text, 5, "false"))


def test_a_config_child_with_unknown_properties_or_name_makes_site_config_unknown():
    text = """{"$schema": "%s", "parameters": {"cfg": {"type": "object"}, "n": {"type": "string"}},
"resources": [
 {"type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "a",
  "properties": {"siteConfig": {"minTlsVersion": "1.0"}}},
 {"type": "Microsoft.Web/sites/config", "apiVersion": "2022-09-01", "name": "a/web",
  "properties": "[parameters('cfg')]"},
 {"type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "b",
  "properties": {"siteConfig": {"minTlsVersion": "1.0"}}},
 {"type": "Microsoft.Web/sites/config", "apiVersion": "2022-09-01",
  "name": "[concat('b/', parameters('n'))]", "properties": {"minTlsVersion": "1.2"}}
]}""" % SCHEMA
    ctxs, model = contexts(text)
    a, b = items(ctxs, model, "Microsoft.Web/sites")
    assert isinstance(Expression("effective.properties.siteConfig.minTlsVersion").search(a), Unknown)
    assert isinstance(Expression("effective.properties.siteConfig.minTlsVersion").search(b), Unknown)
    assert isinstance(Expression("settings.config.web").search(b), Unknown)


NSG_JSON = """{"$schema": "%s", "resources": [
 {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-05-01", "name": "nsg",
  "properties": {"securityRules": [
    {"name": "inline", "properties": {"destinationPortRange": "443"}}]},
  "resources": [
    {"type": "securityRules", "apiVersion": "2023-05-01", "name": "nested",
     "properties": {"destinationPortRange": "22"}}]},
 {"type": "Microsoft.Network/networkSecurityGroups/securityRules", "apiVersion": "2023-05-01",
  "name": "nsg/top", "properties": {"destinationPortRange": "3389"}},
 {"type": "Microsoft.Network/networkSecurityGroups/securityRules", "apiVersion": "2023-05-01",
  "name": "other-nsg/alone", "properties": {"destinationPortRange": "*"}}
]}""" % SCHEMA


def test_security_rules_inline_and_as_children_form_one_list():
    ctxs, model = contexts(NSG_JSON)
    nsg, stand = items(ctxs, model, "Microsoft.Network/networkSecurityGroups")
    rules = "effective.properties.securityRules"
    assert Expression(f"{rules}[].name").search(nsg) == ["inline", "nested", "top"]
    assert at(nsg, f"{rules}[1].properties.destinationPortRange") == (
        "22", where(NSG_JSON, 7, '"22"'))
    assert at(nsg, f"{rules}[2].properties.destinationPortRange") == (
        "3389", where(NSG_JSON, 9, '"3389"'))
    assert at(nsg, f"{rules}[2].name") == ("top", where(NSG_JSON, 9, '"nsg/top"'))
    assert nsg["resource"]["properties"]["securityRules"][0]["name"] == "inline"
    assert Expression(f"{rules}[].name").search(stand) == ["alone"]


def test_key_vault_access_policies_children_add_or_replace():
    text = """{"$schema": "%s", "resources": [
 {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv",
  "properties": {"accessPolicies": [{"objectId": "a"}]}},
 {"type": "Microsoft.KeyVault/vaults/accessPolicies", "apiVersion": "2023-07-01", "name": "kv/add",
  "properties": {"accessPolicies": [{"objectId": "b"}]}},
 {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv2",
  "properties": {"accessPolicies": [{"objectId": "a"}]}},
 {"type": "Microsoft.KeyVault/vaults/accessPolicies", "apiVersion": "2023-07-01",
  "name": "kv2/replace", "properties": {"accessPolicies": [{"objectId": "c"}]}},
 {"type": "Microsoft.KeyVault/vaults/accessPolicies", "apiVersion": "2023-07-01",
  "name": "kv2/remove", "properties": {"accessPolicies": [{"objectId": "d"}]}}
]}""" % SCHEMA
    ctxs, model = contexts(text)
    kv, kv2 = items(ctxs, model, "Microsoft.KeyVault/vaults")
    ids = "effective.properties.accessPolicies[].objectId"
    assert Expression(ids).search(kv) == ["a", "b"]
    assert Expression(ids).search(kv2) == ["c"]
    assert at(kv, "effective.properties.accessPolicies[1].objectId") == (
        "b", where(text, 5, '"b"'))


def test_settings_index_and_the_whole_deployment():
    text = """{"$schema": "%s", "resources": [
 {"type": "Microsoft.Sql/servers", "apiVersion": "2023-05-01-preview", "name": "sql",
  "resources": [
   {"type": "auditingSettings", "apiVersion": "2023-05-01-preview", "name": "default",
    "properties": {"state": "Enabled"}}]},
 {"type": "Microsoft.Sql/servers/securityAlertPolicies", "apiVersion": "2023-05-01-preview",
  "name": "sql/Default", "properties": {"state": "Disabled"}},
 {"type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview",
  "name": "diag", "scope": "[resourceId('Microsoft.Sql/servers', 'sql')]", "properties": {}}
]}""" % SCHEMA
    ctxs, model = contexts(text)
    (sql,) = items(ctxs, model, "Microsoft.Sql/servers")
    assert at(sql, "settings.auditingSettings.default.state") == (
        "Enabled", where(text, 5, '"Enabled"'))
    assert at(sql, "settings.securityAlertPolicies.default.state") == (
        "Disabled", where(text, 7, '"Disabled"'))
    assert Expression("settings.transparentDataEncryption").search(sql) is None
    assert Expression("attached[].type").search(sql) == ["Microsoft.Insights/diagnosticSettings"]
    assert Expression("deployment.resources[].type").search(sql) == [
        "Microsoft.Sql/servers", "Microsoft.Sql/servers/auditingSettings",
        "Microsoft.Sql/servers/securityAlertPolicies", "Microsoft.Insights/diagnosticSettings"]


def test_aks_agent_pools_as_children_are_flat_profiles():
    text = """{"$schema": "%s", "resources": [
 {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-02-01", "name": "aks",
  "properties": {"agentPoolProfiles": [{"name": "system", "enableEncryptionAtHost": true}]}},
 {"type": "Microsoft.ContainerService/managedClusters/agentPools", "apiVersion": "2024-02-01",
  "name": "aks/user", "properties": {"enableEncryptionAtHost": false}}
]}""" % SCHEMA
    ctxs, model = contexts(text)
    (aks,) = items(ctxs, model, "Microsoft.ContainerService/managedClusters")
    profiles = "effective.properties.agentPoolProfiles"
    assert Expression(f"{profiles}[].name").search(aks) == ["system", "user"]
    assert at(aks, f"{profiles}[1].enableEncryptionAtHost") == (False, where(text, 5, "false"))


def test_a_stand_in_named_by_concat_shows_its_parent_name():
    text = """{"$schema": "%s", "parameters": {"app": {"type": "string"}}, "resources": [
     {"type": "Microsoft.Web/sites/config", "apiVersion": "2022-09-01",
      "name": "[concat(parameters('app'), '/web')]", "properties": {"minTlsVersion": "1.0"}}
    ]}""" % SCHEMA
    ctxs, model = contexts(text)
    (stand,) = items(ctxs, model, "Microsoft.Web/sites")
    assert stand["display_name"].startswith("[parameters(")
    assert "/web" not in stand["display_name"] and "concat" not in stand["display_name"]


def test_nested_provider_form_extensions_attach_to_their_target_and_grandparents_are_seen():
    text = """{"$schema": "%s", "resources": [
 {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "sa",
  "properties": {"allowBlobPublicAccess": false}},
 {"type": "Microsoft.Storage/storageAccounts/queueServices", "apiVersion": "2023-05-01",
  "name": "sa/default"},
 {"type": "Microsoft.Storage/storageAccounts/queueServices/providers/diagnosticSettings",
  "apiVersion": "2021-05-01-preview", "name": "sa/default/Microsoft.Insights/logs",
  "properties": {"logs": []}},
 {"type": "Microsoft.Storage/storageAccounts/blobServices/containers", "apiVersion": "2023-05-01",
  "name": "sa/default/data", "properties": {"publicAccess": "Blob"}},
 {"type": "Microsoft.Storage/storageAccounts/blobServices", "apiVersion": "2023-05-01",
  "name": "sa/default"}
]}""" % SCHEMA
    ctxs, model = contexts(text)
    (queues,) = items(ctxs, model, "Microsoft.Storage/storageAccounts/queueServices")
    assert Expression("attached[].name").search(queues) == ["sa/default/Microsoft.Insights/logs"]
    assert not any(s.type.endswith("/providers") for s in ctxs.stand_ins())
    (container,) = items(ctxs, model, "Microsoft.Storage/storageAccounts/blobServices/containers")
    assert at(container, "parent.parent.resource.properties.allowBlobPublicAccess") == (
        False, where(text, 3, "false"))
