// A slot (parent:) and its app that say nothing about HTTP/2: it defaults to on.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-h2'
  location: resourceGroup().location
  properties: {
    siteConfig: { minTlsVersion: '1.2' }
  }
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {}
}
