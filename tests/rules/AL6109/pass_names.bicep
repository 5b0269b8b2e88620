// Valid names in Bicep: take() of a known-good prefix with uniqueString, and the AVM test token.
param namePrefix string = '#_namePrefix_#'

resource unique 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('data${uniqueString(resourceGroup().id)}', 24)
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}

resource test 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'dep${namePrefix}sa01'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}
