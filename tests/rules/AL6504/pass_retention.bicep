// Bicep: a year of retention.
resource flowLog 'Microsoft.Network/networkWatchers/flowLogs@2024-05-01' = {
  name: 'NetworkWatcher_westeurope/fl-vnet-app'
  location: 'westeurope'
  properties: {
    targetResourceId: resourceId('Microsoft.Network/virtualNetworks', 'vnet-app')
    storageId: resourceId('Microsoft.Storage/storageAccounts', 'stflowlogs')
    enabled: true
    retentionPolicy: { enabled: true, days: 365 }
  }
}
