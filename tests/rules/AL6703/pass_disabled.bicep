// Bicep: tenant access switched off.
resource access 'Microsoft.ApiManagement/service/tenant@2023-05-01-preview' = {
  name: 'apim-contoso/access'
  properties: { enabled: false }
}
