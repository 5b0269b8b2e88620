// Scans off in a database VA attached with parent.
resource db 'Microsoft.Sql/servers/databases@2023-08-01' existing = {
  name: 'sql1/db1'
}

resource va 'Microsoft.Sql/servers/databases/vulnerabilityAssessments@2023-08-01' = {
  parent: db
  name: 'default'
  properties: {
    storageContainerPath: 'https://va1.blob.core.windows.net/va/'
    recurringScans: { isEnabled: false }
  }
}
