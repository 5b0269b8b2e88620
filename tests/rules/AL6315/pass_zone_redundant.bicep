// An Isolated v2 plan that is zone redundant, and an existing Premium plan that is not judged.
resource old 'Microsoft.Web/serverfarms@2024-04-01' existing = {
  name: 'plan-elsewhere'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-i2v2'
  location: resourceGroup().location
  sku: { name: 'I2v2', capacity: 3 }
  properties: { zoneRedundant: true }
}
