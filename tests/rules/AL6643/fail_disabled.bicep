// Quarantine written disabled.
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crapp1'
  location: resourceGroup().location
  sku: { name: 'Premium' }
  properties: { policies: { quarantinePolicy: { status: 'disabled' } } }
}
