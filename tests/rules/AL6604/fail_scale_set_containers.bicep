// A scale set with unmanaged OS disks in storage containers.
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2017-03-30' = {
  name: 'vmss1'
  location: resourceGroup().location
  properties: {
    virtualMachineProfile: {
      storageProfile: {
        osDisk: { name: 'os', createOption: 'FromImage', vhdContainers: [ 'https://st1.blob.core.windows.net/vhds' ] }
      }
    }
  }
}
