// Bicep: an Application Gateway policy on OWASP 3.2 with overrides of another group only.
resource waf 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@2024-05-01' = {
  name: 'wafagw'
  location: resourceGroup().location
  properties: {
    managedRules: {
      managedRuleSets: [
        {
          ruleSetType: 'OWASP'
          ruleSetVersion: '3.2'
          ruleGroupOverrides: [
            {
              ruleGroupName: 'REQUEST-920-PROTOCOL-ENFORCEMENT'
              rules: [ { ruleId: '920300', state: 'Disabled' } ]
            }
          ]
        }
      ]
    }
  }
}
