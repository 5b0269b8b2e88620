// Secure transfer off in Bicep: a string "false" and an old API version without the property.
resource explicit 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'explicit'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    supportsHttpsTrafficOnly: 'False'
  }
}

resource old 'Microsoft.Storage/storageAccounts@2018-02-01' = {
  name: 'old'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {}
}
