// Bicep: a Standard_v2 gateway.
resource agw 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: 'agw-web'
  location: resourceGroup().location
  properties: {
    sku: { name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 }
  }
}
