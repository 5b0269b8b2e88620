// Directives that silence findings: armlint's own comment, Bicep's #disable-next-line with the rule name, and a #disable-diagnostics region.
// armlint-test-select: AL5006, AL5002
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      // armlint-disable-next-line AL5006, agent-disabled-without-extension-operations -- the image build writes strings
      allowExtensionOperations: 'false'
      windowsConfiguration: {
#disable-diagnostics vm-agent-flag-not-boolean agent-disabled-without-extension-operations
        provisionVMAgent: 'false'
#restore-diagnostics vm-agent-flag-not-boolean agent-disabled-without-extension-operations
      }
    }
  }
}
