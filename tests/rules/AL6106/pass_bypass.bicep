// Bypass from a parameter without a value, and a firewall without network rules.
param bypass string

resource chosen 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'chosen'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: { defaultAction: 'Deny', bypass: bypass }
  }
}

resource plain 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'plain'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}
