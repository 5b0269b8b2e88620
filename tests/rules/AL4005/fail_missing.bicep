// A key vault without location.
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv1'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
