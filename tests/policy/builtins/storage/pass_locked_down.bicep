// The same account locked down; the settings come through a variable, as modules often write them.
param location string = resourceGroup().location

var network = {
  defaultAction: 'Deny'
  bypass: 'AzureServices'
  ipRules: []
}

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlockeddown'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    networkAcls: network
    encryption: {
      requireInfrastructureEncryption: true
      keySource: 'Microsoft.Storage'
    }
  }
}
