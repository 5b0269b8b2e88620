// Encryption turned off in Bicep.
resource adls 'Microsoft.DataLakeStore/accounts@2016-11-01' = {
  name: 'adls1'
  location: 'eastus2'
  properties: {
    encryptionState: 'Disabled'
  }
}
