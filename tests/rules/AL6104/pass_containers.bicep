// A private container, and one whose access comes from a parameter without a value.
param access string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'contosodata'

  resource blobs 'blobServices' existing = {
    name: 'default'

    resource private 'containers' = {
      name: 'private'
      properties: { publicAccess: 'None' }
    }

    resource chosen 'containers' = {
      name: 'chosen'
      properties: { publicAccess: access }
    }
  }
}
