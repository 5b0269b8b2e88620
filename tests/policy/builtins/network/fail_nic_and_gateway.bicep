// A NIC with a public IP that forwards IP traffic, and an application gateway without a WAF.
resource pip 'Microsoft.Network/publicIPAddresses@2023-09-01' existing = {
  name: 'pip1'
}

resource nic 'Microsoft.Network/networkInterfaces@2023-09-01' = {
  name: 'nic-public'
  location: 'westeurope'
  properties: {
    enableIPForwarding: true
    ipConfigurations: [
      {
        name: 'public'
        properties: {
          publicIPAddress: {
            id: pip.id
          }
        }
      }
    ]
  }
}

resource agw 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agw-nowaf'
  location: 'westeurope'
  properties: {
    sku: { name: 'Standard_v2', tier: 'Standard_v2' }
  }
}
