// Bicep: a workspace backend with name validation switched off by a parameter default.
param validateName bool = false

resource backend 'Microsoft.ApiManagement/service/workspaces/backends@2023-09-01-preview' = {
  name: 'apim-contoso/team-a/orders'
  properties: {
    url: 'https://orders.contoso.com'
    protocol: 'http'
    tls: { validateCertificateChain: true, validateCertificateName: validateName }
  }
}
