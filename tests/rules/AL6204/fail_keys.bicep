// A software key under an existing vault, linked with parent.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'contoso-kv'
}

resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'cmk'
  properties: {
    kty: 'RSA'
    keySize: 4096
  }
}
