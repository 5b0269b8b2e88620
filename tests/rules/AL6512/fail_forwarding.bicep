// Bicep: IP forwarding on.
resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic-app'
  location: resourceGroup().location
  properties: {
    enableIPForwarding: true
    ipConfigurations: []
  }
}
