// Bicep: a backend of an existing service, and a policy that does not authenticate.
resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'apim-contoso'
}

resource backend 'Microsoft.ApiManagement/service/backends@2023-05-01-preview' = {
  parent: apim
  name: 'orders'
  properties: {
    url: 'https://orders.contoso.com'
    protocol: 'http'
  }
}

resource policy 'Microsoft.ApiManagement/service/policies@2023-05-01-preview' = {
  parent: apim
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><rate-limit calls="100" renewal-period="60" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>'
  }
}
