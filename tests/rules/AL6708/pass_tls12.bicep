// Bicep: every old protocol written as off.
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apim-contoso'
  location: resourceGroup().location
  sku: { name: 'Developer', capacity: 1 }
  properties: {
    publisherEmail: 'api@contoso.com'
    publisherName: 'Contoso'
    customProperties: {
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10': 'false'
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11': 'false'
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10': 'false'
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11': 'false'
    }
  }
}
