// A server deployed elsewhere whose auditing the template turns off is reported (the peers'
// CKV_AZURE_23 examples: an auditingSettings child with state Disabled under a server the file
// does not create). A database-level setting is not judged: the server's auditing covers it.
resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql-shared'
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Disabled'
  }
}

resource dbAuditing 'Microsoft.Sql/servers/databases/auditingSettings@2023-08-01' = {
  name: 'sql-shared/db1/default'
  properties: {
    state: 'Disabled'
  }
}
