// A VM loop over a literal array: the second element turns the agent off (as a string), and
// every VM gets an extension. Only that copy is wrong; the finding is at the flag it reads.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = [for (v, i) in [{agent: true}, {agent: 'false'}]: {
  name: 'vm${i}'
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm${i}'
      adminUsername: 'azureuser'
      windowsConfiguration: {
        provisionVMAgent: v.agent
      }
    }
  }
}]

resource bginfo 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = [for i in range(0, 2): {
  parent: vm[i]
  name: 'bginfo'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
}]
