// A File Sync service without properties: all traffic is allowed by default.
resource sync 'Microsoft.StorageSync/storageSyncServices@2022-06-01' = {
  name: 'contoso-sync'
  location: resourceGroup().location
}
