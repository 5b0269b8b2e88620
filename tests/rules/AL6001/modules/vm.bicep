// A module that takes the administrator name as a parameter.
param adminUsername string
@secure()
param adminPassword string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: adminUsername, adminPassword: adminPassword }
  }
}
