// A Basic Linux plan with capacity 1.
resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-b1'
  location: resourceGroup().location
  kind: 'linux'
  sku: { name: 'B1', capacity: 1 }
  properties: { reserved: true }
}
