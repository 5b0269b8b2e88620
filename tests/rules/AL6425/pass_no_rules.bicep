// A private workspace with no IP firewall rule, and a loop over an empty list.
param ranges array = []

resource workspace 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'syn1'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    defaultDataLakeStorage: { accountUrl: 'https://adls1.dfs.core.windows.net', filesystem: 'fs' }
    publicNetworkAccess: 'Disabled'
  }
}

resource rules 'Microsoft.Synapse/workspaces/firewallRules@2021-06-01' = [for r in ranges: {
  parent: workspace
  name: r.name
  properties: { startIpAddress: r.start, endIpAddress: r.end }
}]
