// Isolated compute on.
resource pool 'Microsoft.Synapse/workspaces/bigDataPools@2021-06-01' = {
  name: 'syn1/spark1'
  location: 'westeurope'
  properties: { nodeSize: 'XXXLarge', nodeSizeFamily: 'MemoryOptimized', sparkVersion: '3.4', isComputeIsolationEnabled: true }
}
