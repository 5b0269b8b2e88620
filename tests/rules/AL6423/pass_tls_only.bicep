// TLS only, an existing cache (not judged), and a parameter without a value.
param plain bool

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'cache1'
  location: resourceGroup().location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    enableNonSslPort: false
  }
}

resource other 'Microsoft.Cache/redis@2024-03-01' existing = {
  name: 'cache-elsewhere'
}

resource third 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'cache3'
  location: resourceGroup().location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    enableNonSslPort: plain
  }
}
