// Invalid names in Bicep: an interpolation with a hyphen, and a parameter default that is too short.
param shortName string = 'ab'

resource hyphen 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'data-${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}

resource short 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: shortName
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}
