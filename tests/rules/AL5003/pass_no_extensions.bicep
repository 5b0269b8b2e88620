// allowExtensionOperations false with no extension is what the API allows.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', allowExtensionOperations: false }
  }
}
