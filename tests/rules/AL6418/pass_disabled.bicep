// Disabled public access, and an existing account that is not judged.
resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos1'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
    publicNetworkAccess: 'Disabled'
  }
}

resource other 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: 'cosmos-elsewhere'
}
