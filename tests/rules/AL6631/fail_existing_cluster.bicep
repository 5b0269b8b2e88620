// A pool added with parent: to an existing cluster: the pool is deployed here and judged.
resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' existing = {
  name: 'aks-shared'
}

resource pool 'Microsoft.ContainerService/managedClusters/agentPools@2024-09-01' = {
  parent: aks
  name: 'batch'
  properties: { count: 2, vmSize: 'Standard_D8s_v5', osDiskType: 'Managed' }
}
