// An empty secrets array, and secrets from a parameter without a value.
param certificates array

resource vm1 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: false }, secrets: [] }
  }
}

resource vm2 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm2'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm2', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: false }, secrets: certificates }
  }
}
