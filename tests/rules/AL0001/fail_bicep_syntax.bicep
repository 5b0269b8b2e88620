// A missing closing quote and a stray token; the declarations after them are still linted.
param location string = 'westeurope

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st1'
  location: location
  kind: 'StorageV2' +
  sku: { name: 'Standard_LRS' }
}
