// A recent version; modules are not checked.
resource st 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: 'st1'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
