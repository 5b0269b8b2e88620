// A function app whose identity type comes from a parameter defaulting to 'none' (any casing), and a slot declared with parent: and no identity.
param identityType string = 'none'

resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-none'
  location: resourceGroup().location
  kind: 'functionapp,linux'
  identity: {
    type: identityType
  }
  properties: {}
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: func
  name: 'staging'
  location: resourceGroup().location
  properties: {}
}
