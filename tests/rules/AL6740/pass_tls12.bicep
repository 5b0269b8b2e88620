// Bicep: a Service Bus namespace at TLS 1.2.
resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: 'sbns-orders'
  location: resourceGroup().location
  sku: { name: 'Standard' }
  properties: { minimumTlsVersion: '1.2' }
}
