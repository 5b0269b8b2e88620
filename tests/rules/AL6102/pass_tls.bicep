// TLS 1.2 through a ternary of known values, and a module-style parameter without a default.
param useLatest bool = true
param tls string

resource chosen 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'chosen'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: useLatest ? 'TLS1_2' : 'TLS1_0'
  }
}

resource given 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'given'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: tls
  }
}
