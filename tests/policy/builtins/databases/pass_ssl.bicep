// SSL enforced on both, MySQL private.
resource mysql 'Microsoft.DBforMySQL/servers@2017-12-01' = {
  name: 'mysql-ssl'
  location: 'westeurope'
  properties: {
    createMode: 'Default'
    sslEnforcement: 'Enabled'
    publicNetworkAccess: 'Disabled'
  }
}

resource pg 'Microsoft.DBforPostgreSQL/servers@2017-12-01' = {
  name: 'pg-ssl'
  location: 'westeurope'
  properties: {
    createMode: 'Default'
    sslEnforcement: 'Enabled'
  }
}
