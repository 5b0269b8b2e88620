// The version comes from a parameter default.
param version string = '1.11.8'

resource aks 'Microsoft.ContainerService/managedClusters@2019-06-01' = {
  name: 'aks1'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks1'
    agentPoolProfiles: [ { name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5' } ]
    kubernetesVersion: version
  }
}
