// A module with a blank value: reported when this file is linted, not in the files that use it.
param name string

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { accessTier: '' }
}
