// authsettingsV2 linked with parent: whose platform block leaves enabled out, and one whose enabled comes from a parameter defaulting to false.
param authOn bool = false

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app2'
  location: resourceGroup().location
  properties: { httpsOnly: true }
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { runtimeVersion: '~1' }
    globalValidation: { requireAuthentication: true }
  }
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: { httpsOnly: true }

  resource slotAuth 'config' = {
    name: 'authsettingsV2'
    properties: {
      platform: { enabled: authOn }
    }
  }
}
