// The non-TLS port 6379 is open, by a parameter's default.
param nonSsl bool = true

resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'redis-plain'
  location: 'westeurope'
  properties: {
    sku: { name: 'Basic', family: 'C', capacity: 0 }
    enableNonSslPort: nonSsl
  }
}
