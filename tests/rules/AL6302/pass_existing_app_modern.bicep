// A web config for an existing app that writes nothing about TLS, and one with 1.2: the app's own setting is not known here, so nothing is judged absent.
param appName string

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource web 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'web'
  properties: {
    ftpsState: 'Disabled'
  }
}

resource other 'Microsoft.Web/sites/config@2024-04-01' = {
  name: 'app-other/web'
  properties: {
    minTlsVersion: '1.2'
  }
}
