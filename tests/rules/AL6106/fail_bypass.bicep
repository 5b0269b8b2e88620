// A deny-by-default firewall whose bypass comes from a parameter default of None.
param bypass string = 'None'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'contosodata'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: {
      defaultAction: 'Deny'
      bypass: bypass
    }
  }
}
