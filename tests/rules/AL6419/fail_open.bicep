// Open to all networks through a parameter's default that leaves the IP list empty.
param allowedRanges array = []

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos1'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
    publicNetworkAccess: 'Enabled'
    ipRules: [for r in allowedRanges: { ipAddressOrRange: r }]
  }
}
