// TLS below 1.2 in Bicep: a parameter default and an absent setting.
param minimumTlsVersion string = 'TLS1_1'

resource fromParam 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'fromparam'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: minimumTlsVersion
  }
}

resource absent 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'absent'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    allowBlobPublicAccess: false
  }
}
