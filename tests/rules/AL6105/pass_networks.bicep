// Closed in Bicep: denied by default, and disabled through a parameter default.
param publicAccess string = 'Disabled'

resource denied 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'denied'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }
  }
}

resource disabled 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'disabled'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    publicNetworkAccess: publicAccess
  }
}
