// Bicep: a network interface with two DNS servers.
resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic-app'
  location: resourceGroup().location
  properties: {
    dnsSettings: { dnsServers: [ '10.0.0.4', '10.0.0.5' ] }
    ipConfigurations: []
  }
}
