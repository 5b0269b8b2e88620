// reference() and list*() calls on declared resources: by .id, by .name, with resourceId() (also for a child with parent), with the resource's apiVersion, 'Full', an existing resource, az.reference.
param location string = resourceGroup().location

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stapp001'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: store
  name: 'default'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-shared'
}

output a string = reference(store.id, '2023-05-01').primaryEndpoints.blob
output b string = reference(store.name).primaryEndpoints.web
output c string = reference(resourceId('Microsoft.Storage/storageAccounts', 'stapp001'), store.apiVersion).primaryEndpoints.dfs
output d object = reference(store.id, '2023-05-01', 'Full')
output e string = listKeys(store.id, '2023-05-01').keys[0].value
output f object = reference(resourceId('Microsoft.Storage/storageAccounts/blobServices', 'stapp001', 'default'))
output g string = az.reference(vault.id).vaultUri
