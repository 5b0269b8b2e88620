// Bicep: a WAF_v2 gateway with its policy.
resource waf 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@2024-05-01' = {
  name: 'waf-web'
  location: resourceGroup().location
  properties: {
    policySettings: { state: 'Enabled', mode: 'Prevention' }
    managedRules: { managedRuleSets: [ { ruleSetType: 'Microsoft_DefaultRuleSet', ruleSetVersion: '2.1' } ] }
  }
}

resource agw 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: 'agw-web'
  location: resourceGroup().location
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }
    firewallPolicy: { id: waf.id }
  }
}
