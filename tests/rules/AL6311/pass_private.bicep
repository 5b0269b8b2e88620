// An app with a private endpoint and public access Disabled; an app whose access comes from a parameter without a value.
param subnetId string
param publicAccess string

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-private'
  location: resourceGroup().location
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource other 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-param'
  location: resourceGroup().location
  properties: {
    publicNetworkAccess: publicAccess
  }
}

resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-app'
  location: resourceGroup().location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      { name: 'app', properties: { privateLinkServiceId: app.id, groupIds: [ 'sites' ] } }
      { name: 'other', properties: { privateLinkServiceId: other.id, groupIds: [ 'sites' ] } }
    ]
  }
}
