// An HSM key nested in its vault.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'contoso-kv'

  resource key 'keys' = {
    name: 'cmk'
    properties: { kty: 'RSA-HSM', keySize: 4096 }
  }
}
