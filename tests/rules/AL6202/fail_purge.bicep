// A vault without purge protection, in a module-style file with a nested secret.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'contoso-kv'
  location: resourceGroup().location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableSoftDelete: true
  }
}
