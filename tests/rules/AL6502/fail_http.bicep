// Bicep: a range that includes 80, as a child of an NSG the file does not deploy.
resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' existing = {
  name: 'nsg-shared'
}

resource low 'Microsoft.Network/networkSecurityGroups/securityRules@2024-05-01' = {
  parent: nsg
  name: 'low-ports'
  properties: {
    priority: 100
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourceAddressPrefix: 'Any'
    sourcePortRange: '*'
    destinationAddressPrefix: '*'
    destinationPortRange: '1-1024'
  }
}
