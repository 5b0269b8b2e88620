// Azure CNI with a pod subnet (dynamic allocation, default 250).
param podSubnetId string

resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks1'
  location: resourceGroup().location
  properties: {
    dnsPrefix: 'aks1'
    networkProfile: { networkPlugin: 'azure' }
    agentPoolProfiles: [ { name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5', podSubnetID: podSubnetId } ]
  }
}
