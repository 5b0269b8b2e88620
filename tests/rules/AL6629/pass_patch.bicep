// The patch channel; an existing cluster is not judged.
resource old 'Microsoft.ContainerService/managedClusters@2024-09-01' existing = {
  name: 'legacy'
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks1'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks1'
    agentPoolProfiles: [ { name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5' } ]
    autoUpgradeProfile: { upgradeChannel: 'patch' }
  }
}
