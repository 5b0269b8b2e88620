// No protection settings in Bicep.
resource workspace 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'syn1'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    defaultDataLakeStorage: { accountUrl: 'https://adls1.dfs.core.windows.net', filesystem: 'fs' }
    managedVirtualNetwork: 'default'
  }
}
