// A module with a parameter it does not use (reported when this file is linted, not at its callers).
param vnetName string
param unusedInModule string = ''

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: resourceGroup().location
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
