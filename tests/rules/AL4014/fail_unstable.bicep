// newGuid() in a parameter default used in a name through a variable.
param seed string = newGuid()
var suffix = take(replace(seed, '-', ''), 10)

resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${suffix}'
  location: resourceGroup().location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
