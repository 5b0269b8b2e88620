// A Bicep resource type without @version.
resource st 'Microsoft.Storage/storageAccounts' = {
  name: 'st1'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
