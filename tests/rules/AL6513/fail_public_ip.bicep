// Bicep: a public address linked by symbolic reference.
resource pip 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-jump'
  location: resourceGroup().location
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}

resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic-jump'
  location: resourceGroup().location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-app', 'snet-app') }
          publicIPAddress: { id: pip.id }
        }
      }
    ]
  }
}
