// A Basic service, which cannot be injected into a virtual network.
resource spring 'Microsoft.AppPlatform/Spring@2023-12-01' = {
  name: 'spring1'
  location: resourceGroup().location
  sku: { name: 'B0', tier: 'Basic' }
  properties: {}
}
