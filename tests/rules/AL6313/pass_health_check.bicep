// A health check path set in a web config nested in the app.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-hc'
  location: resourceGroup().location
  properties: {}

  resource web 'config' = {
    name: 'web'
    properties: {
      healthCheckPath: '/healthz'
    }
  }
}
