// Bicep: an API of a service deployed beside it, HTTPS only.
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apim-contoso'
  location: resourceGroup().location
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'api@contoso.com', publisherName: 'Contoso' }
}

resource api 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
  parent: apim
  name: 'orders'
  properties: { displayName: 'Orders', path: 'orders', protocols: [ 'https' ] }
}
