// Bicep: protection switched off by a parameter default.
param ddos bool = false

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-web'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    enableDdosProtection: ddos
  }
}
