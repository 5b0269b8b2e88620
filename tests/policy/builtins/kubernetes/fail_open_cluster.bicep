// A cluster with local accounts, Kubernetes RBAC off and a public API server open to all.
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-open'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aksopen'
    enableRBAC: false
    disableLocalAccounts: false
    agentPoolProfiles: [
      { name: 'system', count: 1, vmSize: 'Standard_D2s_v5', mode: 'System' }
    ]
  }
}
