// allowExtensionOperations true on one VM; from a parameter without a value on another; a specialized disk without osProfile.
param allowExtensions bool
param diskId string

resource vm1 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', allowExtensionOperations: true, windowsConfiguration: { provisionVMAgent: false } }
  }
}

resource vm2 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm2'
  location: 'westeurope'
  properties: {
    osProfile: { computerName: 'vm2', adminUsername: 'azureuser', allowExtensionOperations: allowExtensions, windowsConfiguration: { provisionVMAgent: false } }
  }
}

resource vm3 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm3'
  location: 'westeurope'
  properties: {
    storageProfile: { osDisk: { osType: 'Windows', createOption: 'Attach', managedDisk: { id: diskId } } }
  }
}
