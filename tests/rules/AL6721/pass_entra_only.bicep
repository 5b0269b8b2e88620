// Bicep: an existing namespace is not judged; a new one disables local authentication.
resource shared 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: 'sbns-shared'
}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: 'sbns-orders'
  location: resourceGroup().location
  sku: { name: 'Standard' }
  properties: { disableLocalAuth: true }
}
