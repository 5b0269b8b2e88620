// A Linux scale set: the flag sits under virtualMachineProfile.osProfile.
@secure()
param adminPassword string

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss1'
  location: resourceGroup().location
  sku: { name: 'Standard_D2s_v5', capacity: 2 }
  properties: {
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'vmss'
        adminUsername: 'azureuser'
        adminPassword: adminPassword
        linuxConfiguration: {
          disablePasswordAuthentication: false
        }
      }
    }
  }
}
