// An agentPools resource linked with parent: and an inline pool, both unencrypted.
resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks1'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks1'
    agentPoolProfiles: [
      { name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5' }
    ]
  }
}

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-09-01' = {
  parent: aks
  name: 'user'
  properties: { mode: 'User', count: 2, vmSize: 'Standard_D4s_v5', enableEncryptionAtHost: false }
}
