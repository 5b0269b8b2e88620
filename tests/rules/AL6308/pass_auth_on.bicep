// authsettingsV2 with platform.enabled true, nested in the app; an app without authentication settings is not reported.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app4'
  location: resourceGroup().location
  properties: { httpsOnly: true }

  resource auth 'config' = {
    name: 'authsettingsV2'
    properties: {
      platform: { enabled: true }
    }
  }
}

resource plain 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app5'
  location: resourceGroup().location
  properties: { httpsOnly: true }
}
