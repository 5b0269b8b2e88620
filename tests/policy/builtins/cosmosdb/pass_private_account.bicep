// Keys disabled, public network access off, customer-managed keys, specific IP rules.
resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-private'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: 'westeurope' }
    ]
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
    keyVaultKeyUri: 'https://kv-cmk.vault.azure.net/keys/cosmos'
    ipRules: [
      { ipAddressOrRange: '203.0.113.10' }
    ]
  }
}
