// Public access from a parameter's default.
param access string = 'Enabled'

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'cache1'
  location: 'westeurope'
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    publicNetworkAccess: access
  }
}
