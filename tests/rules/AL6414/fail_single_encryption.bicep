// Infrastructure encryption left out of a PostgreSQL single server.
param adminLogin string
@secure()
param adminPassword string

resource server 'Microsoft.DBforPostgreSQL/servers@2017-12-01' = {
  name: 'pg1'
  location: 'westeurope'
  sku: { name: 'GP_Gen5_2', tier: 'GeneralPurpose' }
  properties: {
    createMode: 'Default'
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
  }
}
