// Bicep: a Web PubSub service with a system-assigned identity.
resource pubsub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: 'wps-chat'
  location: resourceGroup().location
  sku: { name: 'Standard_S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
}
