// Bicep: a topic with public access written as Enabled.
resource topic 'Microsoft.EventGrid/topics@2024-06-01-preview' = {
  name: 'egt-orders'
  location: resourceGroup().location
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}
