// A recent API version disallows public blob access by default; a parameter without a value is unknown.
param allowPublic bool

resource defaulted 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'defaulted'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}

resource unknown 'Microsoft.Storage/storageAccounts@2021-09-01' = {
  name: 'unknown'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: { allowBlobPublicAccess: allowPublic }
}
