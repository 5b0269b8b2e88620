// A geo-zone-redundant SKU.
resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'contosodata'
  location: resourceGroup().location
  sku: { name: 'Standard_RAGZRS' }
  kind: 'StorageV2'
}
