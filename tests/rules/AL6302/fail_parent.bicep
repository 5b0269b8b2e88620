// A config/web child linked with parent: whose minTlsVersion comes from a parameter defaulting to 1.1.
param minTls string = '1.1'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-parent'
  location: resourceGroup().location
  kind: 'app,linux'
  properties: {
    siteConfig: { linuxFxVersion: 'NODE|20-lts' }
  }
}

resource web 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'web'
  properties: {
    minTlsVersion: minTls
  }
}
