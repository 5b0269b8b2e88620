// require_secure_transport OFF from a parameter's default, attached with parent.
param secureTransport string = 'OFF'

resource server 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' existing = {
  name: 'mysql1'
}

resource transport 'Microsoft.DBforMySQL/flexibleServers/configurations@2023-12-30' = {
  parent: server
  name: 'require_secure_transport'
  properties: { value: secureTransport, source: 'user-override' }
}
