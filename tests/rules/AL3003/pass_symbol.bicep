// A resource symbol inside an interpolation, a parameter and a safe access on a parameter pass.
param nsg object
param pipId string

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet1'
}

resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic1'
  location: resourceGroup().location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          subnet: { id: '${vnet.id}/subnets/default' }
          publicIPAddress: { id: pipId }
        }
      }
    ]
    networkSecurityGroup: { id: nsg.?id }
  }
}
