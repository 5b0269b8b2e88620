// Bicep: a flow log child of an existing network watcher keeping 60 days.
resource watcher 'Microsoft.Network/networkWatchers@2024-05-01' existing = {
  name: 'NetworkWatcher_westeurope'
}

resource flowLog 'Microsoft.Network/networkWatchers/flowLogs@2024-05-01' = {
  parent: watcher
  name: 'fl-vnet-app'
  location: 'westeurope'
  properties: {
    targetResourceId: resourceId('Microsoft.Network/virtualNetworks', 'vnet-app')
    storageId: resourceId('Microsoft.Storage/storageAccounts', 'stflowlogs')
    enabled: true
    retentionPolicy: {
      enabled: true
      days: 60
    }
  }
}
