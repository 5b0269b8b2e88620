// A web config for an app this file does not deploy (existing): what it writes is judged.
resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-elsewhere'
}

resource web 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'web'
  properties: {
    minTlsVersion: '1.0'
  }
}
