// WEBSITE_RUN_FROM_PACKAGE from the artifacts parameters.
param _artifactsLocation string
@secure()
param _artifactsLocationSasToken string = ''

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-contoso'
  location: resourceGroup().location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: uri(_artifactsLocation, 'app.zip${_artifactsLocationSasToken}') }
      ]
    }
  }
}
