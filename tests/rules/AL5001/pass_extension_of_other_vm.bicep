// The extension belongs to another VM (vm10, not vm1), and a loop of zero VMs deploys nothing.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: false } }
  }
}

resource other 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  name: 'vm10/bginfo'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
}

resource none 'Microsoft.Compute/virtualMachines@2024-07-01' = [for i in range(0, 0): {
  name: 'vmx${i}'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vmx', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: false } }
  }
}]

resource noneExt 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = [for i in range(0, 0): {
  parent: none[i]
  name: 'bginfo'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
}]
