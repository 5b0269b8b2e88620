// Bicep: DNS servers in the hub network.
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    dhcpOptions: { dnsServers: [ '10.0.0.4', '10.0.0.5' ] }
  }
}
