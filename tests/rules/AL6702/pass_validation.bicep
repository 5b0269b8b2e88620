// Bicep: validation written as true.
resource backend 'Microsoft.ApiManagement/service/backends@2023-05-01-preview' = {
  name: 'apim-contoso/orders'
  properties: {
    url: 'https://orders.contoso.com'
    protocol: 'http'
    tls: { validateCertificateChain: true, validateCertificateName: true }
  }
}
