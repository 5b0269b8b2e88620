// A SQL server with public access disabled, and an existing server.
resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql1'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource other 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql-elsewhere'
}
