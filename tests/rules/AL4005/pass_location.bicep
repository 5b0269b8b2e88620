// A location, and a child resource without one.
resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st1'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  resource blob 'blobServices' = { name: 'default' }
}
