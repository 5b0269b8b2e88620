// A Resource Manager virtual network.
resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }
  }
}
