// The extension is installed by a local module that gets the VM's name as a parameter.
param name string = 'vm1'

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: name
  location: 'westeurope'
  properties: {
    osProfile: {
      computerName: name
      adminUsername: 'azureuser'
      windowsConfiguration: { provisionVMAgent: false }
    }
  }
}

module dsc 'modules/extension.bicep' = {
  name: 'dsc-extension'
  params: {
    vmName: vm.name
  }
}
