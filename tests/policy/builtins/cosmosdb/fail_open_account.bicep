// A NoSQL account with keys, public network access, the legacy IP filter that lets in every
// Azure data center, and Microsoft-managed keys.
resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-open'
  location: 'westeurope'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      { locationName: 'westeurope' }
    ]
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
    ipRangeFilter: '203.0.113.10,0.0.0.0'
  }
}
