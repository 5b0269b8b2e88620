// WEBSITE_RUN_FROM_PACKAGE with a fixed external URL.
resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-contoso'
  location: resourceGroup().location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: 'https://contoso.example/packages/app.zip' }
      ]
    }
  }
}
