// The Bicep twin of fail_resource_properties.json: '', {}, [] and null in a resource body.
resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-app'
  location: 'westeurope'
  tags: {}
  properties: {
    securityRules: [
      {
        name: 'allow-https'
        properties: {
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '443'
          sourceAddressPrefix: 'Internet'
          destinationAddressPrefix: ''
          sourceApplicationSecurityGroups: []
          description: null
          access: 'Allow'
          priority: 100
          direction: 'Inbound'
        }
      }
    ]
  }
}

resource script 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  name: 'vm1/script'
  location: 'westeurope'
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    settings: { commandToExecute: 'echo hi' }
    protectedSettings: {}
  }
}
