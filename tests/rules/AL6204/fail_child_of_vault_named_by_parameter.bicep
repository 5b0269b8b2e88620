// A key under a vault named by a parameter: the message names it as vault/key, not ''key''
// (avm/res/databricks/workspace/tests/e2e/cmk-uami/dependencies.bicep).
param keyVaultName string

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: 'westeurope'
  properties: {
    sku: { family: 'A', name: 'standard' }
    tenantId: tenant().tenantId
    enablePurgeProtection: true
  }

  resource key 'keys@2023-07-01' = {
    name: 'keyEncryptionKey'
    properties: { kty: 'RSA' }
  }
}

resource key2 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: keyVault
  name: 'key-${uniqueString(keyVaultName)}'
  properties: { kty: 'EC' }
}
