// The admin user enabled from a parameter default.
param adminUser bool = true

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crapp1'
  location: resourceGroup().location
  sku: { name: 'Premium' }
  properties: { adminUserEnabled: adminUser }
}
