// Booleans, and a boolean parameter.
param agent bool = true

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', allowExtensionOperations: false, windowsConfiguration: { provisionVMAgent: agent } }
  }
}
