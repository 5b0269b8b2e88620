"""Messages about a Bicep file show unknown values as the Bicep written, never lowered ARM; the
rules' own logic still sees ARM text (`display_name`), and JSON files are untouched."""
from __future__ import annotations

from armlint.api import lint_text
from armlint.model.shown import in_message

BICEP = """param suffix string
param prefix string = 'x'

var roles = ['a', 'b']

resource plans 'Microsoft.Security/pricings@2024-01-01' = [for (plan, i) in roles: {
  name: '${prefix}${plan}-${i}'
  properties: { pricingTier: 'Free' }
}]

resource other 'Microsoft.Security/pricings@2024-01-01' = {
  name: 'Storage${suffix}'
  properties: { pricingTier: 'Free' }
}
"""


def _messages(text, filename, rule="AL6211"):
    result = lint_text(text, filename, select=[rule])
    return [(f.location.span.start_line, f.location.span.start_col, f.message)
            for f in result.findings if f.rule_id == rule]


def test_bicep_messages_show_the_bicep_written():
    found = _messages(BICEP, "main.bicep")
    assert [(line, col) for line, col, _ in found] == [(8, 30), (13, 30)]
    assert "plan 'x${plan}-${i}'" in found[0][2]  # prefix is known: 'x'
    assert "plan 'Storage${suffix}'" in found[1][2]
    for _, _, message in found:
        assert "parameters(" not in message and "copyindex" not in message.lower()
        assert "createarray" not in message.lower()


def test_outside_a_bicep_files_rules_text_is_as_it_is():
    text = "[parameters('x')]-[concat('a', ']')]"
    assert in_message(text) == text


def test_json_messages_keep_arm():
    template = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "suffix": { "type": "string" } },
  "resources": [ { "type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01",
    "name": "[concat('Storage', parameters('suffix'))]",
    "properties": { "pricingTier": "Free" } } ]
}
"""
    found = _messages(template, "main.json")
    assert len(found) == 1 and "plan 'Storage[parameters('suffix')]'" in found[0][2]
