// Local accounts off, RBAC on, and a private API server (no authorized ranges needed).
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-private'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aksprivate'
    enableRBAC: true
    disableLocalAccounts: true
    apiServerAccessProfile: { enablePrivateCluster: true }
    agentPoolProfiles: [
      { name: 'system', count: 1, vmSize: 'Standard_D2s_v5', mode: 'System' }
    ]
  }
}
