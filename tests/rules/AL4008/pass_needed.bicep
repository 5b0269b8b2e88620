// A dependency not implied otherwise, and one on a loop.
resource vnets 'Microsoft.Network/virtualNetworks@2024-05-01' = [for i in range(0, 2): {
  name: 'vnet${i}'
  location: resourceGroup().location
}]

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st1'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-${vnets[0].name}'
  location: resourceGroup().location
  dependsOn: [ st, vnets ]
}
