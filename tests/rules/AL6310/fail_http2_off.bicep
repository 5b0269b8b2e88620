// HTTP/2 off from a parameter default in a web config (parent:), and in a web config for an existing app.
param http2 bool = false

resource func 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-h1'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {}
}

resource web 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: func
  name: 'web'
  properties: {
    http20Enabled: http2
  }
}

resource other 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-elsewhere'
}

resource otherWeb 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: other
  name: 'web'
  properties: {
    http20Enabled: false
  }
}
