// Bicep: public access Enabled and the firewall left open.
resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ais-contoso'
  location: resourceGroup().location
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'ais-contoso'
    publicNetworkAccess: 'Enabled'
  }
}
