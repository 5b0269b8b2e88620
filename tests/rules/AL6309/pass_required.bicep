// A slot nested in its app, both requiring client certificates.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app1'
  location: resourceGroup().location
  properties: {
    clientCertEnabled: true
    clientCertMode: 'Required'
  }

  resource slot 'slots' = {
    name: 'staging'
    location: resourceGroup().location
    properties: {
      clientCertEnabled: true
    }
  }
}
