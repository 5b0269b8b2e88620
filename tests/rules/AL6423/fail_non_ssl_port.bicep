// The non-TLS port opened in Bicep, also through a conditional expression with a known value.
param plain bool = true

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'cache1'
  location: resourceGroup().location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    enableNonSslPort: plain ? true : false
  }
}
