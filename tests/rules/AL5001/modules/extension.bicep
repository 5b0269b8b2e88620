// A module that installs an extension on an existing VM (used by fail_module_extension.bicep).
param vmName string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' existing = {
  name: vmName
}

resource dsc 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'dsc'
  location: 'westeurope'
  properties: { publisher: 'Microsoft.Powershell', type: 'DSC', typeHandlerVersion: '2.77' }
}
