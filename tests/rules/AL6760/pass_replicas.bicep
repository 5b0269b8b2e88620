// Bicep: four replicas.
resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-contoso'
  location: resourceGroup().location
  sku: { name: 'standard2' }
  properties: { replicaCount: 4, partitionCount: 2 }
}
