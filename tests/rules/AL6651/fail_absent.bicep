// No Security section: the default protection level is None.
resource cluster 'Microsoft.ServiceFabric/clusters@2021-06-01' = {
  name: 'sf1'
  location: resourceGroup().location
  properties: {
    managementEndpoint: 'https://sf1.westeurope.cloudapp.azure.com:19080'
    reliabilityLevel: 'Silver'
    fabricSettings: [ { name: 'Diagnostics', parameters: [ { name: 'ProducerInstances', value: 'x' } ] } ]
  }
}
