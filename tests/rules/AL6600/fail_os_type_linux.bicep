// No linuxConfiguration, but the OS disk says Linux and a password is given.
@secure()
param adminPassword string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: {
      computerName: 'vm1'
      adminUsername: 'azureuser'
      adminPassword: adminPassword
    }
    storageProfile: {
      osDisk: { osType: 'Linux', createOption: 'FromImage' }
      imageReference: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/images/img' }
    }
  }
}
