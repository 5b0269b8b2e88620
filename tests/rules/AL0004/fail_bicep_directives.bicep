// An armlint directive that names no rule, and one that silences nothing; Bicep's own #disable-next-line is never reported.
// armlint-test-select: AL5006
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      // armlint-disable-next-line vm-agent-flag-is-a-string -- typo in the name
      allowExtensionOperations: 'true'
      // armlint-disable-next-line AL5006
      windowsConfiguration: {
        #disable-next-line BCP036
        provisionVMAgent: true
      }
    }
  }
}
