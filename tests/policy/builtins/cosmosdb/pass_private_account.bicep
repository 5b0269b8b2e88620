// Keys disabled and public network access off.
resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-private'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: 'westeurope' }
    ]
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
  }
}
