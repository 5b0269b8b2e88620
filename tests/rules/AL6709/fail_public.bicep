// Bicep: a v2 service with public access written as Enabled.
resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'apim-contoso'
  location: resourceGroup().location
  sku: { name: 'StandardV2', capacity: 1 }
  properties: {
    publisherEmail: 'api@contoso.com'
    publisherName: 'Contoso'
    publicNetworkAccess: 'Enabled'
  }
}
