// dependsOn repeats the parent (parent property and nesting) and a resource used through a variable.
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet1'
  location: resourceGroup().location
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
  resource inner 'subnets' = {
    name: 'inner'
    properties: { addressPrefix: '10.0.1.0/24' }
    dependsOn: [ vnet ]
  }
}

var vnetId = vnet.id

resource subnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'default'
  properties: { addressPrefix: '10.0.0.0/24' }
  dependsOn: [ vnet ]
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg1'
  location: resourceGroup().location
  tags: { vnet: vnetId }
  dependsOn: [ vnet ]
}
