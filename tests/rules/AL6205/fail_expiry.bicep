// A secret nested in its vault without an expiry.
@secure()
param secretValue string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'contoso-kv'

  resource secret 'secrets' = {
    name: 'api-key'
    properties: {
      value: secretValue
      contentType: 'api-key'
    }
  }
}
