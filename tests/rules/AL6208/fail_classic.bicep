// A classic network in Bicep.
resource network 'Microsoft.ClassicNetwork/virtualNetworks@2016-11-01' = {
  name: 'classic-vnet'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }
  }
}
