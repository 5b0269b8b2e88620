// Bicep: a private interface.
resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic-app'
  location: resourceGroup().location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: { subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-app', 'snet-app') } }
      }
    ]
  }
}
