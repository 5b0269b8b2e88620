// A key vault with soft delete off, no purge protection and access policies instead of RBAC.
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-fail'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableSoftDelete: false
    enableRbacAuthorization: false
    accessPolicies: []
  }
}
