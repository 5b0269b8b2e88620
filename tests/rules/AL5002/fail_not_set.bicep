// The agent is off and allowExtensionOperations is not set.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    storageProfile: { osDisk: { createOption: 'FromImage' } }
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      windowsConfiguration: {
        provisionVMAgent: false
      }
    }
  }
}
