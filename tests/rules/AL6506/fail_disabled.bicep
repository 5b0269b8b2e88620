// Bicep: an Application Gateway WAF policy switched off.
resource waf 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@2024-05-01' = {
  name: 'wafagw'
  location: resourceGroup().location
  properties: {
    policySettings: {
      state: 'Disabled'
      mode: 'Prevention'
    }
    managedRules: {
      managedRuleSets: [ { ruleSetType: 'OWASP', ruleSetVersion: '3.2' } ]
    }
  }
}
