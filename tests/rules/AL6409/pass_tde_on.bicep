// TDE on.
resource db 'Microsoft.Sql/servers/databases@2023-08-01' existing = {
  name: 'sql1/db1'
}

resource tde 'Microsoft.Sql/servers/databases/transparentDataEncryption@2023-08-01' = {
  parent: db
  name: 'current'
  properties: { state: 'Enabled' }
}
