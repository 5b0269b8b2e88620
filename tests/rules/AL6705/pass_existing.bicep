// Bicep: an existing service is not judged; an internal one is fine.
resource shared 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'apim-shared'
}

resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apim-contoso'
  location: resourceGroup().location
  sku: { name: 'Premium', capacity: 1 }
  properties: {
    publisherEmail: 'api@contoso.com'
    publisherName: 'Contoso'
    virtualNetworkType: 'Internal'
    virtualNetworkConfiguration: { subnetResourceId: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'snet-apim') }
  }
}
