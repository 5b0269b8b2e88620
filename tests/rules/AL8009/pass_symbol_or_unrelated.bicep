// Not reported: symbol access already, a resource the file does not declare, a mismatching API version, two declarations that both match, resourceId with a resource group, a list call with one argument.
param otherId string

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stapp001'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource twinA 'Microsoft.Web/sites@2023-12-01' existing = {
  name: 'app'
}

resource twinB 'Microsoft.Web/sites@2023-12-01' existing = {
  name: 'app'
  scope: resourceGroup('other')
}

output a string = store.properties.primaryEndpoints.blob
output b object = reference(otherId, '2023-05-01')
output c object = reference(store.id, '2021-01-01')
output d object = reference(resourceId('Microsoft.Web/sites', 'app'))
output e object = reference(resourceId('rg-other', 'Microsoft.Storage/storageAccounts', 'stapp001'), '2023-05-01')
output f object = listKeys(store.id)
output g string = store.listKeys().keys[0].value
output h string = twinA.id
output i string = twinB.id
