// A customer-managed key.
param identityId string

resource server 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql1'
  location: 'westeurope'
  sku: { name: 'Standard_D2ds_v4', tier: 'GeneralPurpose' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    version: '8.0.21'
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv1.vault.azure.net/keys/mysql/0123456789abcdef0123456789abcdef'
      primaryUserAssignedIdentityId: identityId
    }
  }
}
