// Bicep: a plan deployed beside the network.
resource plan 'Microsoft.Network/ddosProtectionPlans@2024-05-01' = {
  name: 'ddos-contoso'
  location: resourceGroup().location
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-web'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    enableDdosProtection: true
    ddosProtectionPlan: { id: plan.id }
  }
}
