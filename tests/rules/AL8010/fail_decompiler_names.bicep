// Decompiler suffixes: a resource ending in _resource (its name from a parameter), a variable ending in _var.
param storageAccount string = 'stapp001'
param location string = resourceGroup().location

var location_var = toLower(location)

resource storageAccount_resource 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccount
  location: location_var
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
