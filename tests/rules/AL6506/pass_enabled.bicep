// Bicep: a gateway with its inline WAF enabled, and a Front Door policy enabled.
resource agw 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: 'agw'
  location: resourceGroup().location
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }
    webApplicationFirewallConfiguration: { enabled: true, firewallMode: 'Prevention', ruleSetType: 'OWASP', ruleSetVersion: '3.2' }
  }
}

resource waf 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2022-05-01' = {
  name: 'wafcontoso'
  location: 'global'
  properties: { policySettings: { enabledState: 'Enabled', mode: 'Prevention' } }
}
