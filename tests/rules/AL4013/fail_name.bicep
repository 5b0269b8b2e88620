// Child names built from the parent's .name and from the parent's name parameter.
param vnetName string = 'vnet1'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: resourceGroup().location
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}

resource subnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  name: '${vnet.name}/default'
  properties: { addressPrefix: '10.0.0.0/24' }
}

resource subnet2 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  name: '${vnetName}/second'
  properties: { addressPrefix: '10.0.1.0/24' }
}
