// A secret whose expiry comes from dateTimeToEpoch of a parameter default.
@secure()
param secretValue string
param expiresAt string = '2027-01-01T00:00:00Z'

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  name: 'contoso-kv/api-key'
  properties: {
    value: secretValue
    attributes: { exp: dateTimeToEpoch(expiresAt) }
  }
}
