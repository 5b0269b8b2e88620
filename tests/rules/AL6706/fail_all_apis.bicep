// Bicep: a subscription of an existing service, linked with parent:.
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'apim-contoso'
}

resource subscription 'Microsoft.ApiManagement/service/subscriptions@2023-05-01-preview' = {
  parent: apim
  name: 'partner'
  properties: {
    displayName: 'Partner'
    scope: '/apis'
    state: 'active'
  }
}
