// A function app with FtpsOnly and its slot with FTP basic authentication off (parent:); an existing app's web config that does not write ftpsState.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-ftps'
  location: resourceGroup().location
  kind: 'functionapp,linux'
  properties: {
    siteConfig: { ftpsState: 'FtpsOnly' }
  }
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {}
}

resource slotFtp 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: slot
  name: 'ftp'
  properties: { allow: false }
}

resource other 'Microsoft.Web/sites@2024-04-01' existing = {
  name: 'app-elsewhere'
}

resource otherWeb 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: other
  name: 'web'
  properties: { minTlsVersion: '1.2' }
}
