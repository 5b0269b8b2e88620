// A top-level extension named '${vm.name}/ext' without `parent:` (legal, discouraged) is still linked.
param vmName string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: vmName
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: 'vm'
      adminUsername: 'azureuser'
      windowsConfiguration: { provisionVmAgent: false }
    }
  }
}

resource bginfo 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  name: '${vm.name}/bginfo'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Compute', type: 'BGInfo', typeHandlerVersion: '2.1' }
}
