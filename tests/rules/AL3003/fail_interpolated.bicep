// An interpolated resource ID without any resource symbol.
resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic1'
  location: resourceGroup().location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          subnet: { id: '${resourceGroup().id}/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default' }
        }
      }
    ]
  }
}
