// Public containers linked with parent: under an account that allows it by default (API 2022-09-01), and under an existing account.
resource account 'Microsoft.Storage/storageAccounts@2022-09-01' = {
  name: 'contosodata'
  location: resourceGroup().location
  sku: { name: 'Standard_GRS' }
  kind: 'StorageV2'
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2022-09-01' = {
  parent: account
  name: 'default'
}

resource reports 'Microsoft.Storage/storageAccounts/blobServices/containers@2022-09-01' = {
  parent: blobs
  name: 'reports'
  properties: {
    publicAccess: 'Container'
  }
}

resource other 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'other'

  resource otherBlobs 'blobServices' existing = {
    name: 'default'

    resource images 'containers' = {
      name: 'images'
      properties: { publicAccess: 'Blob' }
    }
  }
}
