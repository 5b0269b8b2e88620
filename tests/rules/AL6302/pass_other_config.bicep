// Config children other than 'web' (appsettings, logs) do not write siteConfig, even with a key named minTlsVersion.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-appsettings'
  location: resourceGroup().location
  properties: {
    siteConfig: { minTlsVersion: '1.2' }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      minTlsVersion: '1.0'
    }
  }
}
