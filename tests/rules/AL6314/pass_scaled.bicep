// A zone-redundant Premium v3 plan with three instances.
resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-zr'
  location: resourceGroup().location
  sku: { name: 'P1v3', capacity: 3 }
  properties: { zoneRedundant: true }
}
