// Logs on in a web config nested in the app, a slot of a Linux app (kind from its app), and a slot whose app is deployed elsewhere (kind unknown).
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-on'
  location: resourceGroup().location
  properties: {}

  resource web 'config' = {
    name: 'web'
    properties: {
      httpLoggingEnabled: true
      detailedErrorLoggingEnabled: true
      requestTracingEnabled: true
    }
  }
}

resource linux 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-linux'
  location: resourceGroup().location
  kind: 'app,linux'
  properties: {}
}

resource linuxSlot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: linux
  name: 'staging'
  location: resourceGroup().location
  properties: {}
}

resource other 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-elsewhere'
}

resource otherSlot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: other
  name: 'staging'
  location: resourceGroup().location
  properties: {}
}
