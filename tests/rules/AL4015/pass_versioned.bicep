// Versions on the parent and (inherited) on the nested child.
resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st1'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  resource blob 'blobServices' = { name: 'default' }
}
