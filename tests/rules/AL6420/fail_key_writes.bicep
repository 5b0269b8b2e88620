// Key-based metadata writes allowed by a parameter's default.
param lockMetadata bool = false

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos1'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
    disableKeyBasedMetadataWriteAccess: lockMetadata
  }
}
