// Bicep: an existing workspace is not judged; a hub with public access disabled.
resource shared 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-shared'
}

resource hub 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'hub-contoso'
  location: resourceGroup().location
  kind: 'Hub'
  identity: { type: 'SystemAssigned' }
  properties: { publicNetworkAccess: 'Disabled' }
}
