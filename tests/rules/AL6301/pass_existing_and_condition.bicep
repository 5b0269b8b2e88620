// An existing app is not judged (it is not deployed here), nor an app whose condition is false.
resource old 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-elsewhere'
}

resource never 'Microsoft.Web/sites@2024-04-01' = if (false) {
  name: 'app-never'
  location: resourceGroup().location
  properties: {
    httpsOnly: false
  }
}

output host string = old.properties.defaultHostName
