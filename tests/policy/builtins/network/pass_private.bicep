// Private IP configurations only, no forwarding, and a gateway with a WAF configuration.
resource nic 'Microsoft.Network/networkInterfaces@2023-09-01' = {
  name: 'nic-private'
  location: 'westeurope'
  properties: {
    enableIPForwarding: false
    ipConfigurations: [
      {
        name: 'private'
        properties: { privateIPAllocationMethod: 'Dynamic' }
      }
    ]
  }
}

resource agw 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agw-waf'
  location: 'westeurope'
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2' }
    webApplicationFirewallConfiguration: {
      enabled: true
      firewallMode: 'Prevention'
      ruleSetType: 'OWASP'
      ruleSetVersion: '3.2'
    }
  }
}
