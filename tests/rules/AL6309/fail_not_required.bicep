// clientCertEnabled false from a parameter default, on a function app whose clientCertMode is set (the finding is at the flag).
param certs bool = false

resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func1'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {
    clientCertEnabled: certs
    clientCertMode: 'Optional'
  }
}
