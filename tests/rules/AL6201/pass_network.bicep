// A vault reached only through private endpoints, and an existing vault.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'contoso-kv'
  location: resourceGroup().location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    publicNetworkAccess: 'Disabled'
  }
}

resource shared 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'shared-kv'
}
