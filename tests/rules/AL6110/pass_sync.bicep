// A File Sync service limited to virtual networks.
resource sync 'Microsoft.StorageSync/storageSyncServices@2022-06-01' = {
  name: 'contoso-sync'
  location: resourceGroup().location
  properties: {
    incomingTrafficPolicy: 'AllowVirtualNetworksOnly'
  }
}
