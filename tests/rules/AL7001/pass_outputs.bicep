// Bicep: a secure output may carry a secret; IDs are fine.
@secure()
param adminPassword string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'st1'
}

output storageId string = storage.id

@secure()
output secret string = adminPassword
