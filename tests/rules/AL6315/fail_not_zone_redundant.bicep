// An Elastic Premium plan whose zoneRedundant comes from a parameter defaulting to false.
param zoneRedundant bool = false

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-ep1'
  location: resourceGroup().location
  sku: { name: 'EP1', tier: 'ElasticPremium' }
  properties: { zoneRedundant: zoneRedundant }
}
