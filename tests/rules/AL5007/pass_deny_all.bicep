// A deny-all outbound rule and a deny to the Internet tag are not reported.
resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg1'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'deny-all'
        properties: { access: 'Deny', direction: 'Outbound', priority: 4096, protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' }
      }
      {
        name: 'deny-internet'
        properties: { access: 'Deny', direction: 'Outbound', priority: 4000, protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: 'Internet', destinationPortRange: '*' }
      }
    ]
  }
}
