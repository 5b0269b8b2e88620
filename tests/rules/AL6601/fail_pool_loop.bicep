// Pools built by a for-expression have no source position of their own: the finding points at agentPoolProfiles, not at the top of the file.
param pools array = [
  { name: 'system', count: 1 }
]

resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks1'
  location: resourceGroup().location
  properties: {
    dnsPrefix: 'aks1'
    agentPoolProfiles: [for p in pools: {
      name: p.name
      count: p.count
      vmSize: 'Standard_D4s_v5'
      enableEncryptionAtHost: p.?encrypt ?? false
    }]
  }
}
