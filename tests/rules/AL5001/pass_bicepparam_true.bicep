// The agent parameter defaults to false, but pass_bicepparam_true.bicepparam beside it sets it to true.
param agent bool = false

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: agent } }
  }

  resource ext 'extensions' = {
    name: 'bginfo'
    location: 'westeurope'
    properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
  }
}
