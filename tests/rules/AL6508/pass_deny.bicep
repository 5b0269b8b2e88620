// Bicep: a policy that denies, and the firewall that uses it.
resource policy 'Microsoft.Network/firewallPolicies@2024-05-01' = {
  name: 'afwp-hub'
  location: resourceGroup().location
  properties: {
    threatIntelMode: 'Deny'
  }
}

resource firewall 'Microsoft.Network/azureFirewalls@2024-05-01' = {
  name: 'afw-hub'
  location: resourceGroup().location
  properties: {
    sku: { name: 'AZFW_VNet', tier: 'Standard' }
    firewallPolicy: { id: policy.id }
  }
}
