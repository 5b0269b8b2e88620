// A resource symbol's id (lowered to resourceId() with literal arguments) is fine.
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet1'
}

output vnetId string = vnet.id
