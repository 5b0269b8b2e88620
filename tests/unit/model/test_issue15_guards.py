"""Regression guards for issue 15 items that did not reproduce: a value built in a loop is
located where the loop writes it (never line 1), an `existing` resource named 'a/b' gives its
children their full names, and messages quote names once."""
from __future__ import annotations

from armlint.api import lint_text


def _found(text, filename, rule):
    result = lint_text(text, filename, select=[rule])
    assert not [f for f in result.findings if f.rule_id == "AL0003"]
    return [(f.location.span.start_line, f.location.span.start_col, f.message)
            for f in result.findings if f.rule_id == rule]


def test_a_value_built_in_a_loop_is_located_in_the_loop_body():
    text = """resource vm 'Microsoft.Compute/virtualMachines@2017-03-30' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    storageProfile: {
      dataDisks: [for i in range(0, 2): {
        name: 'data${i}'
        lun: i
        createOption: 'Empty'
        vhd: { uri: 'https://st1.blob.core.windows.net/vhds/data${i}.vhd' }
      }]
    }
  }
}
"""
    found = _found(text, "main.bicep", "AL6604")
    # a Bicep property loop's copies have no positions of their own (the loop is lowered to
    # one map() expression): the finding is on the property that holds the loop, once
    assert [(line, col) for line, col, _ in found] == [(5, 21)], found
    assert found[0][2].endswith("(in 2 copies: 'data0', 'data1')")


def test_a_json_property_copy_is_located_in_its_input_once():
    text = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [ { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2017-03-30",
    "name": "vm1", "location": "westeurope",
    "properties": { "storageProfile": {
      "copy": [ { "name": "dataDisks", "count": 2, "input": {
        "name": "[concat('data', copyIndex('dataDisks'))]",
        "lun": "[copyIndex('dataDisks')]",
        "createOption": "Empty",
        "vhd": { "uri": "https://st1.blob.core.windows.net/vhds/x.vhd" } } } ] } } } ]
}
"""
    found = _found(text, "main.json", "AL6604")
    assert [(line, col) for line, col, _ in found] == [(11, 16)], found
    assert found[0][2].endswith("(in 2 copies: 'data0', 'data1')")


def test_different_problems_at_one_place_outside_loops_stay_apart():
    from armlint.linter import _copies_message
    assert _copies_message(["x 'a' y", "x 'b' y", "x 'c' y"], 3) == \
        "x 'a' y (in 3 of 3 copies: 'a', 'b', 'c')"
    # two AL6600 findings at a variable two VMs share: two resources, two findings
    text = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "variables": { "linux": { "disablePasswordAuthentication": false } },
  "resources": [
    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-03-01", "name": "a",
      "location": "westeurope", "properties": { "osProfile": { "computerName": "a",
        "adminUsername": "[newGuid()]", "linuxConfiguration": "[variables('linux')]" } } },
    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-03-01", "name": "b",
      "location": "westeurope", "properties": { "osProfile": { "computerName": "b",
        "adminUsername": "[newGuid()]", "linuxConfiguration": "[variables('linux')]" } } }
  ]
}
"""
    found = _found(text, "main.json", "AL6600")
    assert len(found) == 2 and found[0][:2] == found[1][:2], found


def test_children_of_an_existing_resource_named_a_b():
    text = """resource db 'Microsoft.Sql/servers/databases@2023-08-01-preview' existing = {
  name: 'srv/db'
}

resource master 'Microsoft.Sql/servers/databases@2023-08-01-preview' existing = {
  name: 'srv/master'
}

resource tde 'Microsoft.Sql/servers/databases/transparentDataEncryption@2023-08-01-preview' = {
  parent: db
  name: 'current'
  properties: { state: 'Disabled' }
}

resource masterTde 'Microsoft.Sql/servers/databases/transparentDataEncryption@2023-08-01-preview' = {
  parent: master
  name: 'current'
  properties: { state: 'Disabled' }
}
"""
    found = _found(text, "main.bicep", "AL6409")
    assert [(line, col) for line, col, _ in found] == [(12, 24)]  # master is left out
    assert "Transparent data encryption 'srv/db/current' is turned off" in found[0][2]


def test_names_are_quoted_once_in_bicep_and_json():
    bicep = """resource plan 'Microsoft.Security/pricings@2024-01-01' = {
  name: 'KeyVaults'
  properties: { pricingTier: 'Free' }
}
"""
    found = _found(bicep, "main.bicep", "AL6211")
    assert [(line, col) for line, col, _ in found] == [(3, 30)]
    assert "plan 'KeyVaults' is" in found[0][2] and "''" not in found[0][2]
    json_text = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [ { "type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01",
    "name": "KeyVaults", "properties": { "pricingTier": "Free" } } ]
}
"""
    found = _found(json_text, "main.json", "AL6211")
    assert "plan 'KeyVaults' is" in found[0][2] and "''" not in found[0][2]
