// A scale set with the agent off and allowExtensionOperations false: reported at allowExtensionOperations.
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: 'westeurope'
  properties: {
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'vmss'
        adminUsername: 'azureuser'
        allowExtensionOperations: false
        linuxConfiguration: { provisionVMAgent: false }
      }
    }
  }
}
