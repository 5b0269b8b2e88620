// A scale set with the agent off and extensions in its extension profile.
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: 'westeurope'
  properties: {
    orchestrationMode: 'Uniform'
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'vmss'
        adminUsername: 'azureuser'
        linuxConfiguration: {
          provisionVMAgent: false
        }
      }
      extensionProfile: {
        extensions: [
          {
            name: 'cs'
            properties: { publisher: 'Microsoft.Azure.Extensions', type: 'CustomScript', typeHandlerVersion: '2.1' }
          }
        ]
      }
    }
  }
}
