// Bicep: the Free tier from a parameter default.
param sku string = 'Free_F1'

resource pubsub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: 'wps-chat'
  location: resourceGroup().location
  sku: { name: sku, capacity: 1 }
}
