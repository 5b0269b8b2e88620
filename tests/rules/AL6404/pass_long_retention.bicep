// A year of retention.
resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql1'
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: server
  name: 'default'
  properties: { state: 'Enabled', storageEndpoint: 'https://audits1.blob.core.windows.net/', retentionDays: 365 }
}
