// TDE off for a database declared inside its server, the setting inside the database.
resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql1'

  resource db 'databases' existing = {
    name: 'db1'

    resource tde 'transparentDataEncryption' = {
      name: 'current'
      properties: { state: 'Disabled' }
    }
  }
}
