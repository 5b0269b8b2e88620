// A literal API version.
resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stexample001'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
