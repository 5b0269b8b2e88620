// A module whose resources use a parameter with a fixed default as their location.
param region string = 'westeurope'
param tags object = {}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet1'
  location: region
  tags: tags
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
