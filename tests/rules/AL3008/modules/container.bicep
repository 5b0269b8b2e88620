// A module that names a container after its parameter.
param prefix string

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  name: 'stcontoso001/default/${uniqueString(prefix)}'
}
