// An azureActiveDirectory block with an empty tenant ID.
resource cluster 'Microsoft.ServiceFabric/clusters@2021-06-01' = {
  name: 'sf1'
  location: resourceGroup().location
  properties: {
    managementEndpoint: 'https://sf1.westeurope.cloudapp.azure.com:19080'
    reliabilityLevel: 'Silver'
    azureActiveDirectory: { tenantId: '', clusterApplication: 'app' }
  }
}
