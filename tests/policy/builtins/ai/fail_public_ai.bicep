// AI Search with API keys, a Cognitive Services account whose identity is None, and Machine
// Learning and Databricks workspaces that do not turn public network access off.
resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-keys'
  location: 'westeurope'
  sku: { name: 'basic' }
  properties: {}
}

resource cog 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'cog-noid'
  location: 'westeurope'
  kind: 'OpenAI'
  identity: { type: 'None' }
  sku: { name: 'S0' }
  properties: { customSubDomainName: 'cog-noid' }
}

resource mlw 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-public'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource dbw 'Microsoft.Databricks/workspaces@2024-05-01' = {
  name: 'dbw-public'
  location: 'westeurope'
  sku: { name: 'premium' }
  properties: {
    managedResourceGroupId: subscriptionResourceId('Microsoft.Resources/resourceGroups', 'dbw-managed')
    publicNetworkAccess: 'Enabled'
  }
}
