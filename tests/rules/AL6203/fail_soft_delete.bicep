// Soft delete turned off with a string.
resource vault 'Microsoft.KeyVault/vaults@2022-07-01' = {
  name: 'contoso-kv'
  location: resourceGroup().location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableSoftDelete: 'false'
  }
}
