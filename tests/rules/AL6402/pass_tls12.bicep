// TLS 1.2 minimums.
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: 'pg1'
}

resource minTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'ssl_min_protocol_version'
  properties: { value: 'TLSv1.2', source: 'user-override' }
}

resource sql 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql1'
  location: 'westeurope'
  properties: {
    minimalTlsVersion: '1.3'
  }
}
