// Every element of the VM loop keeps the agent (true, or left out): nothing to report.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = [for (v, i) in [{agent: true}, {}, {agent: 'true'}]: {
  name: 'vm${i}'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm${i}'
      adminUsername: 'azureuser'
      windowsConfiguration: {
        provisionVMAgent: v.?agent ?? true
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
