// TLS only.
resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'redis-tls'
  location: 'westeurope'
  properties: {
    sku: { name: 'Basic', family: 'C', capacity: 0 }
    enableNonSslPort: false
  }
}
