// Every copy of the loop turns the agent off: the copies share the flag's position and the
// message, so there is one finding, not one per copy.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = [for i in range(0, 3): {
  name: 'vm${i}'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm${i}'
      adminUsername: 'azureuser'
      windowsConfiguration: {
        provisionVMAgent: i < 0
      }
    }
  }
}]

resource bginfo 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = [for i in range(0, 3): {
  parent: vm[i]
  name: 'bginfo'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
}]
