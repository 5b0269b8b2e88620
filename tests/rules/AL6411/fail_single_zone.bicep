// Hyperscale database declared inside its server.
resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql1'

  resource db 'databases' = {
    name: 'db1'
    location: 'westeurope'
    sku: { name: 'HS_Gen5_2', tier: 'Hyperscale' }
    properties: {}
  }
}
