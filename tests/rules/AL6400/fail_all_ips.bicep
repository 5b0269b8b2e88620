// A whole-internet rule attached with parent, from parameter defaults, for a MySQL flexible server.
param startIp string = '0.0.0.0'
param endIp string = '255.255.255.255'

resource server 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' existing = {
  name: 'mysql1'
}

resource rule 'Microsoft.DBforMySQL/flexibleServers/firewallRules@2023-12-30' = {
  parent: server
  name: 'AllowAll'
  properties: { startIpAddress: startIp, endIpAddress: endIp }
}
