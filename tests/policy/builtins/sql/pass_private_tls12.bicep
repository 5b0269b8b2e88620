// Public network access disabled and TLS 1.2.
resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-private'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
    minimalTlsVersion: '1.2'
  }
}
