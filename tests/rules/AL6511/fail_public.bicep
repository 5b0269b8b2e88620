// Bicep: a public resolver from a parameter default.
param dnsServers array = [ '9.9.9.9' ]

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-app'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    dhcpOptions: { dnsServers: dnsServers }
  }
}
