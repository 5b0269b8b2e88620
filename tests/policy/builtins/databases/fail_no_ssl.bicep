// MySQL and PostgreSQL single servers without SSL enforcement; MySQL does not say (public).
resource mysql 'Microsoft.DBforMySQL/servers@2017-12-01' = {
  name: 'mysql-nossl'
  location: 'westeurope'
  properties: {
    createMode: 'Default'
    sslEnforcement: 'Disabled'
  }
}

resource pg 'Microsoft.DBforPostgreSQL/servers@2017-12-01' = {
  name: 'pg-nossl'
  location: 'westeurope'
  properties: {
    createMode: 'Default'
    sslEnforcement: 'Disabled'
  }
}
