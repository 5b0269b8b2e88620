// Bicep: a workspace API of an existing service, linked with parent:.
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'apim-contoso'
}

resource workspace 'Microsoft.ApiManagement/service/workspaces@2023-09-01-preview' existing = {
  parent: apim
  name: 'team-a'
}

resource api 'Microsoft.ApiManagement/service/workspaces/apis@2023-09-01-preview' = {
  parent: workspace
  name: 'orders'
  properties: {
    displayName: 'Orders'
    path: 'orders'
    protocols: [ 'http' ]
  }
}
