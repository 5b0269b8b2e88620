"""Findings inside a local module: each file answers for its own problems, and a module
declaration answers for what the values it binds bring about."""
from armlint.api import Linter, LintOptions

MODULE = """// A VM whose agent setting comes from its caller; its admin name is a literal.
param agentOn bool = true

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      windowsConfiguration: { provisionVMAgent: agentOn }
    }
  }
  resource dsc 'extensions' = {
    name: 'dsc'
    location: 'westeurope'
    properties: { publisher: 'Microsoft.Powershell', type: 'DSC', typeHandlerVersion: '2.77' }
  }
}
"""

MAIN = """// Turns the module's agent off.
module vm 'modules/vm.bicep' = {
  name: 'vm'
  params: {
    agentOn: false
  }
}
"""


def findings(catalogue, root, path):
    linter = Linter(catalogue, LintOptions(select=["AL5001", "AL6001"], use_config=False), root=root)
    return [(f.rule_id, f.location.span.start_line, f.location.span.start_col)
            for f in linter.lint_file(root / path).findings]


def test_bound_values_report_at_the_module_and_module_problems_stay_in_the_module(catalogue, tmp_path):
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "vm.bicep").write_text(MODULE)
    (tmp_path / "main.bicep").write_text(MAIN)
    assert findings(catalogue, tmp_path, "main.bicep") == [("AL5001", 2, 1)]
    assert findings(catalogue, tmp_path, "modules/vm.bicep") == [("AL6001", 10, 22)]
