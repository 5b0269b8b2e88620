// A scale set extension as a separate resource with `parent:`.
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: 'westeurope'
  properties: {
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'vmss'
        adminUsername: 'azureuser'
        windowsConfiguration: { provisionVMAgent: false }
      }
    }
  }
}

resource health 'Microsoft.Compute/virtualMachineScaleSets/extensions@2024-07-01' = {
  parent: vmss
  name: 'health'
  properties: { publisher: 'Microsoft.ManagedServices', type: 'ApplicationHealthWindows', typeHandlerVersion: '1.0' }
}
