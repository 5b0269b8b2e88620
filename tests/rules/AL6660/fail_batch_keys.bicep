// keySource written Microsoft.Batch.
resource batch 'Microsoft.Batch/batchAccounts@2024-07-01' = {
  name: 'batch1'
  location: resourceGroup().location
  properties: { encryption: { keySource: 'Microsoft.Batch' } }
}
