// httpsOnly from a parameter without a default, and from reference() of another app: both unknown, nothing is reported.
param httpsOnly bool

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-unknown'
  location: resourceGroup().location
  properties: {
    httpsOnly: httpsOnly
  }
}

resource twin 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-twin'
  location: resourceGroup().location
  properties: {
    httpsOnly: reference(resourceId('Microsoft.Web/sites', 'app-original'), '2024-04-01').httpsOnly
  }
}
