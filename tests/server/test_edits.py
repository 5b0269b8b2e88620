"""The edits behind the server's code actions, on texts: suppression directives and the quick
fixes rules declare, offered only where they are unambiguous."""
from __future__ import annotations

import pytest

from armlint.api import lint_text
from armlint.server.edits import quick_fix, suppressions
from armlint.source.text import LineIndex

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def apply(text, action):
    for edit in sorted(action.edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text


def finding(catalogue, text, name, rule_id):
    result = lint_text(text, name, select=[rule_id], catalogue=catalogue)
    found = [f for f in result.findings if f.rule_id == rule_id]
    assert len(found) == 1, [(f.rule_id, f.message) for f in result.findings]
    return found[0]


def fix_of(catalogue, text, name, rule_id):
    f = finding(catalogue, text, name, rule_id)
    return quick_fix(text, LineIndex(text), catalogue.find(rule_id), f.location.span,
                     f.location.pointer, name.endswith(".bicep"))


def fixed(catalogue, text, name, rule_id):
    action = fix_of(catalogue, text, name, rule_id)
    assert action is not None
    after = apply(text, action)
    assert not [f for f in lint_text(after, name, select=[rule_id], catalogue=catalogue).findings
                if f.rule_id == rule_id]
    return after


def template(parameters="{}", variables="{}", outputs="{}"):
    return (f'{{\n  "$schema": "{SCHEMA}",\n  "contentVersion": "1.0.0.0",\n'
            f'  "parameters": {parameters},\n  "variables": {variables},\n'
            f'  "resources": [],\n  "outputs": {outputs}\n}}\n')


@pytest.mark.parametrize("parameters, expected", [
    # first of two: the member, its comma and its line
    ('{\n    "unused": {"type": "string"},\n    "used": {"type": "string"}\n  }',
     '{\n    "used": {"type": "string"}\n  }'),
    # last of two: the comma before it goes too
    ('{\n    "used": {"type": "string"},\n    "unused": {\n      "type": "string"\n    }\n  }',
     '{\n    "used": {"type": "string"}\n  }'),
    # the only one, on one line with its object
    ('{ "unused": {"type": "string"} }', '{  }'),
])
def test_removing_an_unused_json_parameter_keeps_valid_json(catalogue, parameters, expected):
    outputs = '{"o": {"type": "string", "value": "[parameters(\'used\')]"}}' \
        if '"used"' in parameters else "{}"
    text = template(parameters=parameters, outputs=outputs)
    after = fixed(catalogue, text, "t.json", "AL2001")
    assert after == template(parameters=expected, outputs=outputs)


def test_removing_an_unused_variable_named_with_a_slash(catalogue):
    text = template(variables='{"a/b": 1, "c~d": 2}',
                    outputs='{"o": {"type": "int", "value": "[variables(\'c~d\')]"}}')
    assert '"variables": {"c~d": 2}' in fixed(catalogue, text, "t.json", "AL2002")


def test_removing_a_bicep_declaration_takes_its_decorators_and_line(catalogue):
    text = "param used string\n@secure()\n@description('x')\nparam unused string\noutput o string = used\n"
    assert fixed(catalogue, text, "main.bicep", "AL2001") == \
        "param used string\noutput o string = used\n"


VM_JSON = ('{"$schema": "SCHEMA", "contentVersion": "1.0.0.0", "resources": ['
           '{"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", '
           '"name": "vm", "location": "[resourceGroup().location]", "properties": {"osProfile": '
           '{"windowsConfiguration": {"provisionVMAgent": AGENT}}}}, '
           '{"type": "Microsoft.Compute/virtualMachines/extensions", "apiVersion": "2024-07-01", '
           '"name": "vm/ext", "location": "[resourceGroup().location]", "properties": {}}], '
           '"parameters": {"agent": {"type": "bool", "defaultValue": false}}, '
           '"variables": {"agent": false}}').replace("SCHEMA", SCHEMA)


def vm(agent: str) -> str:
    return VM_JSON.replace("AGENT", agent)


@pytest.mark.parametrize("agent, offered", [
    ("false", True), ('"False"', True),
    ("\"[parameters('agent')]\"", False),  # the value comes from elsewhere: change it there
    ("\"[variables('agent')]\"", False),
])
def test_the_vm_agent_fix_only_replaces_a_literal(catalogue, agent, offered):
    text = vm(agent)
    action = fix_of(catalogue, text, "vm.json", "AL5001")
    assert (action is not None) == offered
    if offered:
        assert '"provisionVMAgent": true' in apply(text, action)


def test_string_to_boolean_in_json_and_bicep(catalogue):
    text = vm('"FALSE"')
    assert '"provisionVMAgent": false' in fixed(catalogue, text, "vm.json", "AL5006")
    bicep = ("resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {\n  name: 'vm'\n"
             "  location: resourceGroup().location\n  properties: { osProfile: {\n"
             "    linuxConfiguration: { provisionVMAgent: 'True' }\n  } }\n}\n")
    assert "provisionVMAgent: true }" in fixed(catalogue, bicep, "vm.bicep", "AL5006")


STORAGE = ('{{"$schema": "{schema}", "contentVersion": "1.0.0.0", "parameters": {params}, '
           '"resources": [{{"type": "Microsoft.Storage/storageAccounts", "apiVersion": '
           '"2023-05-01", "name": "st", "location": "westeurope", "kind": "StorageV2", '
           '"sku": {{"name": "Standard_LRS"}}}}]}}')


def test_the_location_fix_needs_a_location_parameter(catalogue):
    without = STORAGE.format(schema=SCHEMA, params="{}")
    assert fix_of(catalogue, without, "st.json", "AL4004") is None
    with_param = STORAGE.format(schema=SCHEMA, params='{"Location": {"type": "string", '
                                '"defaultValue": "[resourceGroup().location]"}}')
    after = fixed(catalogue, with_param, "st.json", "AL4004")
    assert '"location": "[parameters(\'location\')]"' in after


def test_a_suppression_goes_above_the_line_with_its_indentation(catalogue):
    text = vm("false").replace('{"windowsConfiguration"',
                                                 '{\n      "windowsConfiguration"')
    f = finding(catalogue, text, "vm.json", "AL5001")
    rule = catalogue.find("AL5001")
    (action,) = suppressions(text, LineIndex(text), rule, f.location.span, False)
    after = apply(text, action)
    assert after.splitlines()[1] == "      // armlint-disable-next-line AL5001 -- reason"
    result = lint_text(after, "vm.json", select=["AL5001", "AL0004"], catalogue=catalogue)
    assert [x.suppression is not None for x in result.findings] == [True]
    # Bicep's own form is offered for a rule with a Bicep linter equivalent, not for others
    assert len(suppressions(text, LineIndex(text), rule, f.location.span, True)) == 1
    assert len(suppressions(text, LineIndex(text), catalogue.find("AL2001"), f.location.span,
                            True)) == 2
