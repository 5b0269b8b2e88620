// parent:, nesting, and a child of a parent the file does not declare.
param otherVnet string

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet1'
  location: resourceGroup().location
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
  resource nested 'subnets' = {
    name: 'nested'
    properties: { addressPrefix: '10.0.2.0/24' }
  }
}

resource subnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'default'
  properties: { addressPrefix: '10.0.0.0/24' }
}

resource foreign 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  name: '${otherVnet}/default'
  properties: { addressPrefix: '10.1.0.0/24' }
}
