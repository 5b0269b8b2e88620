// An existing account is not judged, a recent API version defaults to HTTPS only, and a conditional false that is not deployed.
resource other 'Microsoft.Storage/storageAccounts@2018-02-01' existing = {
  name: 'other'
}

resource current 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'current'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}

resource never 'Microsoft.Storage/storageAccounts@2023-05-01' = if (false) {
  name: 'never'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: { supportsHttpsTrafficOnly: false }
}
