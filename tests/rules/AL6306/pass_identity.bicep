// A function app and its slot, each with a system-assigned identity; an existing app is not judged; an identity object from a parameter without a value is unknown.
param identity object

resource other 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-elsewhere'
}

resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-mi'
  location: resourceGroup().location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {}

  resource slot 'slots' = {
    name: 'staging'
    location: resourceGroup().location
    identity: { type: 'SystemAssigned' }
    properties: {}
  }
}

resource web 'Microsoft.Web/sites@2024-04-01' = {
  name: 'web-param'
  location: resourceGroup().location
  identity: identity
  properties: {}
}
