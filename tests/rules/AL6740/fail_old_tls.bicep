// Bicep: an Event Hubs namespace at TLS 1.1.
resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-telemetry'
  location: resourceGroup().location
  sku: { name: 'Standard' }
  properties: { minimumTlsVersion: '1.1' }
}
