// A web config for an app deployed elsewhere sets Python 3.9 on Linux.
resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-elsewhere'
}

resource web 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'web'
  properties: {
    linuxFxVersion: 'PYTHON|3.9'
  }
}
