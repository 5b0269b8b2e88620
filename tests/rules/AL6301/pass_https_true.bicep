// httpsOnly true on a function app, and authsettingsV2 that leaves requireHttps to its default (true).
resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-secure'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {
    httpsOnly: true
  }
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: func
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    httpSettings: { forwardProxy: { convention: 'NoProxy' } }
  }
}
