// Bicep: an existing account is not judged; a new one denies by default.
resource shared 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'ais-shared'
}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ais-contoso'
  location: resourceGroup().location
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: {
    networkAcls: { defaultAction: 'Deny', virtualNetworkRules: [ { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet') } ] }
  }
}
