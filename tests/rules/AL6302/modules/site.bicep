// A module that deploys an app and its web config with the TLS version its caller gives.
param name string
param minTls string = '1.2'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: resourceGroup().location
  properties: {}
}

resource web 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'web'
  properties: {
    minTlsVersion: minTls
  }
}
