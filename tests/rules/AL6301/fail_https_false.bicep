// A function app (Linux) with httpsOnly false, and an API app with the string 'False'.
resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-plain'
  location: resourceGroup().location
  kind: 'functionapp,linux'
  properties: {
    httpsOnly: false
  }
}

resource api 'Microsoft.Web/sites@2022-09-01' = {
  name: 'api-plain'
  location: resourceGroup().location
  kind: 'api'
  properties: {
    httpsOnly: 'False'
  }
}
