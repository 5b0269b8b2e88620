// Short retention from a parameter's default, attached with parent, to a storage endpoint built from parameters.
param retentionDays int = 14
param auditStorageName string = 'audits1'

resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql1'
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: server
  name: 'default'
  properties: { state: 'Enabled', storageEndpoint: 'https://${auditStorageName}.blob.core.windows.net/', retentionDays: retentionDays }
}
