// Bicep: endpoints linked to a policy deployed beside them, or to one given by a parameter without a value.
param wafPolicyId string

resource waf 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2022-05-01' = {
  name: 'wafcontoso'
  location: 'global'
  properties: { policySettings: { enabledState: 'Enabled', mode: 'Prevention' } }
}

resource frontDoor 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fd-contoso'
  location: 'global'
  properties: {
    frontendEndpoints: [
      {
        name: 'default'
        properties: { hostName: 'fd-contoso.azurefd.net', webApplicationFirewallPolicyLink: { id: waf.id } }
      }
      {
        name: 'shop'
        properties: { hostName: 'shop.contoso.com', webApplicationFirewallPolicyLink: { id: wafPolicyId } }
      }
    ]
  }
}
