// A pool attached with parent, isolation off.
resource workspace 'Microsoft.Synapse/workspaces@2021-06-01' existing = {
  name: 'syn1'
}

resource pool 'Microsoft.Synapse/workspaces/bigDataPools@2021-06-01' = {
  parent: workspace
  name: 'spark1'
  location: 'westeurope'
  properties: { nodeSize: 'Medium', nodeSizeFamily: 'MemoryOptimized', sparkVersion: '3.4' }
}
