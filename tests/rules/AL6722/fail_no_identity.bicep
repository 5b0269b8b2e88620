// Bicep: a SignalR service without identity.
resource signalr 'Microsoft.SignalRService/signalR@2024-03-01' = {
  name: 'sigr-chat'
  location: resourceGroup().location
  sku: { name: 'Standard_S1', capacity: 1 }
  properties: { disableLocalAuth: true }
}
