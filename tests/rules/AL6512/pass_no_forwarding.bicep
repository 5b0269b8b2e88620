// Bicep: an existing interface is not judged; a new one without forwarding.
resource shared 'Microsoft.Network/networkInterfaces@2024-05-01' existing = {
  name: 'nic-shared'
}

resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic-app'
  location: resourceGroup().location
  properties: { enableIPForwarding: false, ipConfigurations: [] }
}
