// A slot declared inside its app, and the slot's own web config nested inside the slot, with TLS 1.0.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-slots'
  location: resourceGroup().location
  properties: {}

  resource slot 'slots' = {
    name: 'staging'
    location: resourceGroup().location
    properties: {}

    resource web 'config' = {
      name: 'web'
      properties: {
        minTlsVersion: '1.0'
      }
    }
  }
}
