// '*' from a parameter default in a function app's web config (parent:), and in a web config for an existing API app.
param origins array = [ '*' ]

resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-cors'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {}
}

resource web 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: func
  name: 'web'
  properties: {
    cors: { allowedOrigins: origins }
  }
}

resource api 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'api-elsewhere'
}

resource apiWeb 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: api
  name: 'web'
  properties: {
    cors: { allowedOrigins: [ '*' ] }
  }
}
