// Local auth disabled, and an existing account.
resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos1'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
    disableLocalAuth: true
  }
}

resource other 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: 'cosmos-elsewhere'
}
