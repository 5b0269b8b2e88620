// A Bicep parameter nobody reads; a parameter passed to a module is used, the module's own unused one is its file's concern.
param storageName string
param storageSku string = 'Standard_LRS'
param vnetName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: { vnetName: vnetName }
}
