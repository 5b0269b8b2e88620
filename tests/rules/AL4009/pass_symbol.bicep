// Symbol references produce well-formed IDs.
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet1'
  resource subnet 'subnets' existing = { name: 'default' }
}

output subnetId string = vnet::subnet.id
