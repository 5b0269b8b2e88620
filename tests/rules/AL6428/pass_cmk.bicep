// A Key Vault key.
resource workspace 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'syn1'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    defaultDataLakeStorage: { accountUrl: 'https://adls1.dfs.core.windows.net', filesystem: 'fs' }
    encryption: { cmk: { key: { name: 'default', keyVaultUrl: 'https://kv1.vault.azure.net/keys/synapse' } } }
  }
}
