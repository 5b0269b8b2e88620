// A PostgreSQL flexible server parameter attached with parent, and a SQL server allowing any version.
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: 'pg1'
}

resource minTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'ssl_min_protocol_version'
  properties: { value: 'TLSv1.1', source: 'user-override' }
}

resource sql 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql1'
  location: 'westeurope'
  properties: {
    minimalTlsVersion: 'None'
  }
}
