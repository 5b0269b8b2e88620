// A customer-managed key from a Key Vault key's URI, and an existing account.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv1'
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos1'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
    keyVaultKeyUri: '${vault.properties.vaultUri}keys/cosmos'
  }
}

resource other 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: 'cosmos-elsewhere'
}
