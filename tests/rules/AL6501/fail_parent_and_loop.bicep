// Bicep: a for-expression of rules (reported at the loop, which is the only position the rules have), a rule child of an existing NSG, and one linked with parent:.
param rules array = [
  { name: 'ssh', port: '22' }
  { name: 'web', port: '443' }
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

resource shared 'Microsoft.Network/networkSecurityGroups@2024-05-01' existing = {
  name: 'nsg-shared'
}

resource rdp 'Microsoft.Network/networkSecurityGroups/securityRules@2024-05-01' = {
  parent: shared
  name: 'rdp'
  properties: {
    priority: 200
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourceAddressPrefix: '0.0.0.0/0'
    sourcePortRange: '*'
    destinationAddressPrefix: '*'
    destinationPortRange: '3389'
  }
}

resource sshRange 'Microsoft.Network/networkSecurityGroups/securityRules@2024-05-01' = {
  parent: nsg
  name: 'low-ports'
  properties: {
    priority: 300
    direction: 'Inbound'
    access: 'Allow'
    protocol: '*'
    sourceAddressPrefix: 'Internet'
    sourcePortRange: '*'
    destinationAddressPrefix: '*'
    destinationPortRange: '1-1024'
  }
}
