// A locally redundant SKU from a parameter default.
param skuName string = 'Standard_LRS'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'contosodata'
  location: resourceGroup().location
  sku: { name: skuName }
  kind: 'StorageV2'
}
