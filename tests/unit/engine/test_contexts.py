"""engine/contexts.py: the contexts JMESPath rules see (their documented shape), built once."""
from armlint.engine.contexts import Contexts
from armlint.expr.values import Unknown
from armlint.model.build import build_template_model
from armlint.model.settings import stand_ins
from armlint.source.jsonc import load

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

TEMPLATE = """{
  "$schema": "%s",
  "contentVersion": "1.2.3.4",
  "parameters": {
    "vmName": {"type": "String", "defaultValue": "vm1"},
    "secret": {"type": "secureString"},
    "withExtension": {"type": "bool", "defaultValue": false}
  },
  "variables": {"nic": "[concat(parameters('vmName'), '-nic')]"},
  "resources": [
    {"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-03-01",
     "name": "[parameters('vmName')]", "location": "westeurope",
     "properties": {"osProfile": {"adminPassword": "[parameters('secret')]"}},
     "resources": [
       {"type": "extensions", "apiVersion": "2023-03-01", "name": "monitor",
        "properties": {"publisher": "Microsoft.Azure.Monitor"}},
       {"type": "extensions", "apiVersion": "2023-03-01", "name": "maybe",
        "condition": "[parameters('withExtension')]", "properties": {}}
     ]},
    {"type": "Microsoft.Authorization/locks", "apiVersion": "2020-05-01", "name": "lock",
     "scope": "[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]",
     "properties": {"level": "CanNotDelete"}},
    {"type": "Microsoft.Storage/storageAccounts/blobServices/containers",
     "apiVersion": "2023-01-01", "name": "elsewhere/default/logs", "properties": {}}
  ],
  "outputs": {"nic": {"type": "String", "value": "[variables('nic')]"}}
}""" % SCHEMA


def contexts():
    doc = load(TEMPLATE)
    model = build_template_model(doc, doc.value)
    return model, Contexts(model)


def test_a_resource_context_resolves_values_and_lists_deployed_relatives():
    model, ctxs = contexts()
    vm = model.resources[0]
    ctx = ctxs.resource(vm)
    assert (ctx["type"], ctx["name"], ctx["display_name"]) == \
        ("Microsoft.Compute/virtualMachines", "vm1", "vm1")
    assert ctx["resource"]["properties"]["osProfile"]["adminPassword"].__class__ is Unknown
    assert ctx["raw"]["name"] == "[parameters('vmName')]"  # as written, with its origin
    assert ctx["raw"].origin == vm.origin
    # the extension whose condition is false is no child; the lock is attached by its scope
    assert [c["name"] for c in ctx["children"]] == ["vm1/monitor"]
    assert [a["type"] for a in ctx["attached"]] == ["Microsoft.Authorization/locks"]
    assert ctx["parent"] is None and ctx["stand_in"] is False
    assert ctx["template"]["content_version"] == "1.2.3.4"
    child = ctxs.resource(vm.children[0])
    assert child["parent"]["name"] == "vm1"
    assert ctxs.resource(vm) is ctx  # built once, shared by every rule


def test_a_stand_in_describes_a_parent_deployed_elsewhere():
    model, ctxs = contexts()
    found = stand_ins(model)
    assert [(s.type, s.display_name) for s in found] == [
        ("Microsoft.Storage/storageAccounts/blobServices", "elsewhere/default")]
    ctx = ctxs.stand_in(found[0])
    assert ctx["stand_in"] is True and ctx["name"] == "elsewhere/default"
    assert isinstance(ctx["api_version"], Unknown)
    assert [c["name"] for c in ctx["children"]] == ["elsewhere/default/logs"]


def test_template_and_declaration_contexts():
    model, ctxs = contexts()
    t = model.root
    ctx = ctxs.template(t)
    assert ctx["parameters"]["vmName"] == "vm1"
    assert isinstance(ctx["parameters"]["secret"], Unknown)
    assert ctx["variables"]["nic"] == "vm1-nic"
    assert [r["name"] for r in ctx["resources"]] == ["vm1", "vm1/monitor", "lock",
                                                     "elsewhere/default/logs"]
    assert ctx["references"]["parameters"]["vmname"] >= 3
    params = {d.name: ctxs.declaration(t, d) for d in t.parameters}
    assert (params["vmName"]["type"], params["vmName"]["has_default"],
            params["vmName"]["default"]) == ("string", True, "vm1")
    assert params["secret"]["secure"] is True and params["secret"]["has_default"] is False
    output = ctxs.declaration(t, t.outputs[0])
    assert (output["type"], output["value"]) == ("string", "vm1-nic")
    variable = ctxs.declaration(t, t.variables[0])
    assert (variable["value"], variable["references"]) == ("vm1-nic", 1)
