// Bicep: a Web PubSub service and a SignalR service without disableLocalAuth.
resource pubsub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: 'wps-chat'
  location: resourceGroup().location
  sku: { name: 'Standard_S1', capacity: 1 }
  properties: { publicNetworkAccess: 'Disabled' }
}

resource signalr 'Microsoft.SignalRService/signalR@2024-03-01' = {
  name: 'sigr-chat'
  location: resourceGroup().location
  sku: { name: 'Standard_S1', capacity: 1 }
  properties: { disableLocalAuth: false }
}
