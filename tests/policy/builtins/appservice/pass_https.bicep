// Both apps HTTPS only.
resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-https'
  location: 'westeurope'
  kind: 'app'
  properties: {
    httpsOnly: true
  }
}

resource func 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-https'
  location: 'westeurope'
  kind: 'functionapp'
  properties: {
    httpsOnly: true
  }
}
