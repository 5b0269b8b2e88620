// Public access from a parameter without a value; an existing registry is not judged.
resource old 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: 'legacy'
}

param access string

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crapp1'
  location: resourceGroup().location
  sku: { name: 'Premium' }
  properties: { publicNetworkAccess: access }
}
