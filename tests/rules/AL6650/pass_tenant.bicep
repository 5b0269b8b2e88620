// The tenant from a parameter without a value (unknown, not reported).
param tenantId string

resource cluster 'Microsoft.ServiceFabric/clusters@2021-06-01' = {
  name: 'sf1'
  location: resourceGroup().location
  properties: {
    managementEndpoint: 'https://sf1.westeurope.cloudapp.azure.com:19080'
    reliabilityLevel: 'Silver'
    azureActiveDirectory: { tenantId: tenantId, clusterApplication: 'a', clientApplication: 'b' }
  }
}
