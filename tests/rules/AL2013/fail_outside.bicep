// Bicep: the expressions in a resource, a variable and a module's params.
param location string = resourceGroup().location

var backupRegion = az.deployment().location

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

output where string = '${location}/${backupRegion}'
