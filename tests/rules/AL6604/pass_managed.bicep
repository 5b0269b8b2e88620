// Managed disks; an attached managed OS disk.
resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    storageProfile: {
      osDisk: { osType: 'Linux', createOption: 'Attach', managedDisk: { id: resourceId('Microsoft.Compute/disks', 'os1') } }
    }
  }
}
