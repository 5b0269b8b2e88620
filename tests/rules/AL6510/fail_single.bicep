// Bicep: a single DNS server from a parameter default.
param dnsServer string = '10.0.0.4'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    dhcpOptions: { dnsServers: [ dnsServer ] }
  }
}
