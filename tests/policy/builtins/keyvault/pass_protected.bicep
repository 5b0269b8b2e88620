// Soft delete, purge protection and the RBAC permission model, given by a parameter's default.
param purgeProtection bool = true

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-pass'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableSoftDelete: true
    enablePurgeProtection: purgeProtection
    enableRbacAuthorization: true
  }
}
