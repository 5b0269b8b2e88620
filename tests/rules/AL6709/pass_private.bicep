// Bicep: public access disabled.
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apim-contoso'
  location: resourceGroup().location
  sku: { name: 'Developer', capacity: 1 }
  properties: {
    publisherEmail: 'api@contoso.com'
    publisherName: 'Contoso'
    publicNetworkAccess: 'Disabled'
  }
}
