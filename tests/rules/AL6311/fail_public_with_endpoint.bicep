// A function app whose publicNetworkAccess comes from a parameter defaulting to Enabled, with a private endpoint using app.id.
param subnetId string
param publicAccess string = 'Enabled'

resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-pe'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {
    publicNetworkAccess: publicAccess
  }
}

resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-func'
  location: resourceGroup().location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: 'func'
        properties: {
          privateLinkServiceId: func.id
          groupIds: [ 'sites' ]
        }
      }
    ]
  }
}
