// Restricted to a range given by a parameter's default, and an existing account.
param allowedRanges array = [ '203.0.113.0/24' ]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos1'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
    ipRules: [for r in allowedRanges: { ipAddressOrRange: r }]
  }
}

resource other 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: 'cosmos-elsewhere'
}
