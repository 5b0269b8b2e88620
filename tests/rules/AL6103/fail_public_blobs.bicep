// Public blob access from a boolean parameter default, and by default with API version 2021-09-01.
param allowPublic bool = true

resource explicit 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'explicit'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    allowBlobPublicAccess: allowPublic
  }
}

resource defaulted 'Microsoft.Storage/storageAccounts@2021-09-01' = {
  name: 'defaulted'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}
