// Public access disabled in Bicep.
resource batch 'Microsoft.Batch/batchAccounts@2024-07-01' = {
  name: 'batch1'
  location: resourceGroup().location
  properties: {
    publicNetworkAccess: 'Disabled'
    networkProfile: { accountAccess: { defaultAction: 'Allow' } }
  }
}
