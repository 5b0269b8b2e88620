// A Bicep variable nobody reads; an exported one is read by the files that import it.
var storageName = 'st${uniqueString(resourceGroup().id)}'
var legacyPrefix = 'stlegacy'

@export()
var sharedTags = { owner: 'platform' }

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
