// Bicep: an existing topic is not judged; a domain with public access disabled.
resource shared 'Microsoft.EventGrid/topics@2024-06-01-preview' existing = {
  name: 'egt-shared'
}

resource domain 'Microsoft.EventGrid/domains@2024-06-01-preview' = {
  name: 'egd-orders'
  location: resourceGroup().location
  properties: { publicNetworkAccess: 'Disabled' }
}
