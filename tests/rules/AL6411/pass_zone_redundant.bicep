// Zone redundant.
resource db 'Microsoft.Sql/servers/databases@2023-08-01' = {
  name: 'sql1/db1'
  location: 'westeurope'
  sku: { name: 'BC_Gen5_4', tier: 'BusinessCritical' }
  properties: { zoneRedundant: true }
}
