// AllAllowed written in a slot's siteConfig, and in a web config child (parent:) that overrides the app's FtpsOnly.
resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-ftp'
  location: resourceGroup().location
  kind: 'functionapp'
  properties: {
    siteConfig: { ftpsState: 'FtpsOnly' }
  }
}

resource web 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'web'
  properties: {
    ftpsState: 'AllAllowed'
  }
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {
    siteConfig: { ftpsState: 'allallowed' }
  }
}
