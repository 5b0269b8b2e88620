// A slot (parent:) with remote debugging off, and an app whose condition is false.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-off'
  location: resourceGroup().location
  properties: {}
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {
    siteConfig: { remoteDebuggingEnabled: false }
  }
}

resource never 'Microsoft.Web/sites@2024-04-01' = if (false) {
  name: 'app-never'
  location: resourceGroup().location
  properties: {
    siteConfig: { remoteDebuggingEnabled: true }
  }
}
