// Entra-only search, a Cognitive Services account with a managed identity, private workspaces.
resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-entra'
  location: 'westeurope'
  sku: { name: 'basic' }
  properties: { disableLocalAuth: true }
}

resource cog 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'cog-id'
  location: 'westeurope'
  kind: 'OpenAI'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'S0' }
  properties: { customSubDomainName: 'cog-id' }
}

resource mlw 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-private'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { publicNetworkAccess: 'Disabled' }
}

resource dbw 'Microsoft.Databricks/workspaces@2024-05-01' = {
  name: 'dbw-private'
  location: 'westeurope'
  sku: { name: 'premium' }
  properties: {
    managedResourceGroupId: subscriptionResourceId('Microsoft.Resources/resourceGroups', 'dbw-managed')
    publicNetworkAccess: 'Disabled'
  }
}
