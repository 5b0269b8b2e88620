// A SQL server open to public networks that accepts TLS 1.0, set through parameters' defaults.
param publicAccess string = 'Enabled'
param tls string = '1.0'

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-public'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: publicAccess
    minimalTlsVersion: tls
  }
}
