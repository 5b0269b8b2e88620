// Bicep: secure parameters and a key read from the resource at deployment.
@secure()
param secretValue string

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-app'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'st1'
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'db-connection'
  properties: { value: secretValue }
}

resource key 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'storage-key'
  properties: { value: storage.listKeys().keys[0].value }
}
