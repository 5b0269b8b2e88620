// Public access enabled and default action Allow.
resource batch 'Microsoft.Batch/batchAccounts@2024-07-01' = {
  name: 'batch1'
  location: resourceGroup().location
  properties: {
    publicNetworkAccess: 'Enabled'
    networkProfile: { accountAccess: { defaultAction: 'Allow' } }
  }
}
