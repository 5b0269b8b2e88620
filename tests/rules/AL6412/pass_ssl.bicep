// require_secure_transport ON.
resource server 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' existing = {
  name: 'mysql1'
}

resource transport 'Microsoft.DBforMySQL/flexibleServers/configurations@2023-12-30' = {
  parent: server
  name: 'require_secure_transport'
  properties: { value: 'ON', source: 'user-override' }
}
