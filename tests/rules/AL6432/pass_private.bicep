// Disabled, and an existing factory.
resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf1'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource other 'Microsoft.DataFactory/factories@2018-06-01' existing = {
  name: 'adf-elsewhere'
}
