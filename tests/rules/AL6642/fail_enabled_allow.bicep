// Public access enabled with a rule set whose default action is Allow.
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crapp1'
  location: resourceGroup().location
  sku: { name: 'Premium' }
  properties: {
    publicNetworkAccess: 'Enabled'
    networkRuleSet: { defaultAction: 'Allow' }
  }
}
