// The loop of issue 15: the FIRST element turns the agent off, the second is fine. Each copy is
// judged with its own element, and the one finding is at the flag the loop item gives.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = [for v in [{agent: 'false'}, {agent: true}]: {
  name: 'vm-${uniqueString(string(v))}'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm'
      adminUsername: 'azureuser'
      linuxConfiguration: {
        provisionVMAgent: v.agent
      }
    }
  }
}]

resource ama 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = [for i in range(0, 2): {
  parent: vm[i]
  name: 'AzureMonitorLinuxAgent'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Azure.Monitor', type: 'AzureMonitorLinuxAgent', typeHandlerVersion: '1.0' }
}]
