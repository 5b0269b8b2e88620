// A slot's authsettingsV2, nested in the slot, allows sign-in over HTTP; the slot itself is HTTPS-only.
resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-existing'
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {
    httpsOnly: true
  }

  resource auth 'config' = {
    name: 'authsettingsV2'
    properties: {
      platform: { enabled: true }
      httpSettings: { requireHttps: false }
    }
  }
}
