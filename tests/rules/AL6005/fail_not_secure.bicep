// Bicep: a plain parameter given to a Key Vault secret and to a SQL server password.
param secretValue string
param sqlPassword string

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-app'
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: kv
  name: 'db-connection'
  properties: { value: secretValue }
}

resource sql 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql-app'
  location: resourceGroup().location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlPassword
  }
}
