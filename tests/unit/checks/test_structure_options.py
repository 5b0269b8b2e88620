"""The options of the template-structure rules, which rule fixtures (run with default options)
cannot reach: AL1016's `declarations` and AL1003's two exemption lists."""
from __future__ import annotations

import pytest

from armlint.engine.run import RunOptions, run_rules
from armlint.model.build import build_template_model
from armlint.source import jsonc


def _model(text: str, language: str):
    if language == "bicep":
        from armlint.bicep.lower import ModuleLoader
        doc, value = ModuleLoader().lowered(None, text)
        return build_template_model(doc, value, language="bicep")
    doc = jsonc.load(text)
    return build_template_model(doc, doc.value)


def _messages(catalogue, rule_id: str, text: str, language: str = "json", **options):
    rule = catalogue.find(rule_id)
    found = run_rules(_model(text, language), [rule], RunOptions({rule_id: options}))
    assert all(f.rule == rule for f in found), [f.message for f in found]
    return sorted(f.message for f in found)


JSON_DECLARATIONS = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "languageVersion": "2.0",
  "definitions": {
    "settings": {
      "type": "object",
      "properties": {
        "sku": { "type": "string" },
        "nested": { "type": "object", "properties": { "size": { "type": "int", "metadata": { "description": "" } } },
                    "metadata": { "description": "Nested settings." } }
      },
      "additionalProperties": { "type": "string" }
    },
    "shape": { "type": "object", "discriminator": { "propertyName": "kind", "mapping": {} } }
  },
  "parameters": { "p": { "type": "string", "metadata": { "description": "A parameter." } } },
  "resources": {},
  "outputs": { "o": { "type": "string", "value": "x" } }
}"""

BICEP_DECLARATIONS = """
@description('A parameter.')
param p string

var v = 1

type settings = {
  sku: string
  @description('')
  size: int
  *: string
}

@discriminator('kind')
type shape = { kind: 'a' } | { kind: 'b' }

output o int = v
"""


def test_description_defaults_to_parameters_only(catalogue):
    assert _messages(catalogue, "AL1016", JSON_DECLARATIONS) == []
    assert _messages(catalogue, "AL1016", BICEP_DECLARATIONS, "bicep") == []


def test_description_of_outputs_types_and_their_properties_json(catalogue):
    found = _messages(catalogue, "AL1016", JSON_DECLARATIONS,
                      declarations=["outputs", "types", "type-properties", "variables"])
    assert found == [
        "output 'o' has no description; add \"metadata\": {\"description\": \"...\"} saying what it is for",
        "the description of type property 'settings.nested.size' is blank; say what it is for",
        "type 'settings' has no description; add \"metadata\": {\"description\": \"...\"} saying what it is for",
        "type property 'settings.*' has no description; add \"metadata\": {\"description\": \"...\"} saying what it is for",
        "type property 'settings.sku' has no description; add \"metadata\": {\"description\": \"...\"} saying what it is for",
    ]


def test_description_of_outputs_types_properties_and_variables_bicep(catalogue):
    found = _messages(catalogue, "AL1016", BICEP_DECLARATIONS, "bicep",
                      declarations=["parameters", "outputs", "types", "type-properties",
                                    "variables"])
    assert found == [
        "output 'o' has no description; add @description('...') saying what it is for",
        "the description of type property 'settings.size' is blank; say what it is for",
        "type 'settings' has no description; add @description('...') saying what it is for",
        "type property 'settings.*' has no description; add @description('...') saying what it is for",
        "type property 'settings.sku' has no description; add @description('...') saying what it is for",
        # the Bicep linter checks the properties of discriminated union members too
        "type property 'shape.kind' has no description; add @description('...') saying what it is for",
        "type property 'shape.kind' has no description; add @description('...') saying what it is for",
        "variable 'v' has no description; add @description('...') saying what it is for",
    ]


BLANKS = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "vnet",
      "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [] }, "dhcpOptions": {} }
    }
  ]
}"""


@pytest.mark.parametrize("options, expected", [
    ({}, ["'addressPrefixes' is an empty array; remove the property or give it a value",
          "'dhcpOptions' is an empty object; remove the property or give it a value"]),
    ({"PropertiesThatCanBeEmpty": ["DHCPOPTIONS"]},
     ["'addressPrefixes' is an empty array; remove the property or give it a value"]),
    ({"ResourcePropertiesThatCanBeEmpty": {"microsoft.network/VIRTUALNETWORKS": "properties.addressSpace"}},
     ["'dhcpOptions' is an empty object; remove the property or give it a value"]),
    ({"ResourcePropertiesThatCanBeEmpty": {"Microsoft.Network/virtualNetworks": ["properties"]}}, []),
])
def test_blank_value_exemption_options(catalogue, options, expected):
    assert _messages(catalogue, "AL1003", BLANKS, **options) == expected
