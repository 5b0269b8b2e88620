// Remote debugging on from a parameter default, in a web config nested in a function app, and in a web config for an existing app.
param debug bool = true

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-debug'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {}

  resource web 'config' = {
    name: 'web'
    properties: {
      remoteDebuggingEnabled: debug
    }
  }
}

resource other 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-elsewhere'
}

resource otherWeb 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: other
  name: 'web'
  properties: {
    remoteDebuggingEnabled: true
  }
}
