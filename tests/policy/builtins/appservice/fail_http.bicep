// A web app with httpsOnly false and a function app that does not set it.
resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-http'
  location: 'westeurope'
  kind: 'app'
  properties: {
    httpsOnly: false
  }
}

resource func 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-http'
  location: 'westeurope'
  kind: 'functionapp,linux'
  properties: {
    reserved: true
  }
}
