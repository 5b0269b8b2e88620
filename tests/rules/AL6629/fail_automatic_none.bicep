// An Automatic cluster that writes upgradeChannel none is still reported.
resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks-auto'
  location: resourceGroup().location
  sku: { name: 'Automatic', tier: 'Standard' }
  properties: {
    agentPoolProfiles: [ { name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5' } ]
    autoUpgradeProfile: { upgradeChannel: 'none' }
  }
}
