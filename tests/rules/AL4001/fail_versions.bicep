// An old version in the type string (the finding is on the version) and an existing reference.
resource st 'Microsoft.Storage/storageAccounts@2019-06-01' = {
  name: 'st1'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource kv 'Microsoft.KeyVault/vaults@2016-10-01' existing = {
  name: 'kv1'
}
