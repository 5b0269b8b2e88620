// utcNow() only in a tag; a module named with it is fine.
param stamp string = utcNow()

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  tags: { deployed: stamp }
}
