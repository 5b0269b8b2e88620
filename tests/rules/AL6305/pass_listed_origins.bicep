// A slot (parent:) with listed origins; an origin from a parameter without a value is unknown and not judged.
param extraOrigin string

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-cors'
  location: resourceGroup().location
  properties: {
    siteConfig: { cors: { allowedOrigins: [ 'https://www.contoso.com', extraOrigin ] } }
  }
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: 'staging'
  location: resourceGroup().location
  properties: {
    siteConfig: { cors: { allowedOrigins: [ 'https://staging.contoso.com' ] } }
  }
}
