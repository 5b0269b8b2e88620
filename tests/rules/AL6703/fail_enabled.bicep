// Bicep: tenant access of an existing service, enabled by a parameter default.
param directAccess bool = true

resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'apim-contoso'
}

resource access 'Microsoft.ApiManagement/service/tenant@2023-05-01-preview' = {
  parent: apim
  name: 'access'
  properties: { enabled: directAccess }
}
