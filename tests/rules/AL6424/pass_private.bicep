// Disabled, and an existing cache.
resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'cache1'
  location: 'westeurope'
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    publicNetworkAccess: 'Disabled'
  }
}

resource other 'Microsoft.Cache/redis@2024-03-01' existing = {
  name: 'cache-elsewhere'
}
