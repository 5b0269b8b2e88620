// log_connections turned off by a parameter's default, attached with parent.
param logConnections string = 'off'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: 'pg1'
}

resource config 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'log_connections'
  properties: { value: logConnections, source: 'user-override' }
}
