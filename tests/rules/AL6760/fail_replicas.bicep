// Bicep: a single replica written.
resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-contoso'
  location: resourceGroup().location
  sku: { name: 'standard' }
  properties: { replicaCount: 1, partitionCount: 1 }
}
