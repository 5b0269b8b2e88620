// Bicep: a firewall policy without threatIntelMode (Alert by default).
resource policy 'Microsoft.Network/firewallPolicies@2024-05-01' = {
  name: 'afwp-hub'
  location: resourceGroup().location
  properties: {
    sku: { tier: 'Standard' }
  }
}
