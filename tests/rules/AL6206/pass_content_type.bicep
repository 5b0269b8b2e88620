// A secret with a content type.
@secure()
param secretValue string

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  name: 'contoso-kv/api-key'
  properties: {
    value: secretValue
    contentType: 'api-key'
  }
}
