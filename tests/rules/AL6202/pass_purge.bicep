// Purge protection through a ternary that is known to be true.
param production bool = true

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'contoso-kv'
  location: resourceGroup().location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enablePurgeProtection: production ? true : null
  }
}
