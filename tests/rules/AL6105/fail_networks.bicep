// Open to every network in Bicep: no network rules, and a publicNetworkAccess ternary that is known to be Enabled.
param privateOnly bool = false

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'contosodata'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
  properties: {
    publicNetworkAccess: privateOnly ? 'Disabled' : 'Enabled'
  }
}
