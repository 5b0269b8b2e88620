// A slot linked with parent: that leaves httpsOnly out, while its app sets it.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-parent'
  location: resourceGroup().location
  properties: {
    httpsOnly: true
  }
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {
    serverFarmId: app.properties.serverFarmId
  }
}
