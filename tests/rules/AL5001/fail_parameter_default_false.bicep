// The agent flag comes from a parameter whose default is false, and a variable holds the OS profile.
param agent bool = false

var osProfile = {
  computerName: 'vm1'
  adminUsername: 'azureuser'
  windowsConfiguration: {
    provisionVMAgent: agent
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: osProfile
  }
}

resource bginfo 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'bginfo'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
}
