// The VM is deployed only if a false condition holds; a second VM's only extension has a false condition.
param deployVm bool = false

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = if (deployVm) {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: false } }
  }

  resource ext 'extensions' = {
    name: 'bginfo'
    location: 'westeurope'
    properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
  }
}

resource vm2 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm2'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm2', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: false } }
  }
}

resource ext2 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = if (deployVm) {
  parent: vm2
  name: 'bginfo'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
}
