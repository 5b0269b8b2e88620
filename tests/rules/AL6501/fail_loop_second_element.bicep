// Every element of a for-expression is judged, not only the first: the second rule opens SSH.
param rules array = [
  { name: 'web', port: '443' }
  { name: 'ssh', port: '22' }
]

resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-app'
  location: resourceGroup().location
  properties: {
    securityRules: [for (r, i) in rules: {
      name: r.name
      properties: {
        priority: 100 + i
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: '*'
        sourcePortRange: '*'
        destinationAddressPrefix: '*'
        destinationPortRange: r.port
      }
    }]
  }
}
