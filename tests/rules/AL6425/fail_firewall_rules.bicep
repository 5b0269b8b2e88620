// A firewall rule attached with parent, in a loop over a parameter's default.
param ranges array = [ { name: 'office', start: '203.0.113.0', end: '203.0.113.255' } ]

resource workspace 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'syn1'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    defaultDataLakeStorage: { accountUrl: 'https://adls1.dfs.core.windows.net', filesystem: 'fs' }
  }
}

resource rules 'Microsoft.Synapse/workspaces/firewallRules@2021-06-01' = [for r in ranges: {
  parent: workspace
  name: r.name
  properties: { startIpAddress: r.start, endIpAddress: r.end }
}]
