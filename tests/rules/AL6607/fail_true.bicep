// allowExtensionOperations written true.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureadmin', allowExtensionOperations: true }
  }
}
