// Default public access in Bicep, in a loop.
param names array = [ 'a', 'b' ]

resource accounts 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = [for n in names: {
  name: 'cosmos-${n}'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
  }
}]
