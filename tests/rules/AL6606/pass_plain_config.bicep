// Custom data from a plain (not secure) parameter without a value.
param cloudInit string

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm1'
  location: resourceGroup().location
  properties: {
    osProfile: { computerName: 'vm1', adminUsername: 'azureuser', customData: base64(cloudInit) }
  }
}
