// The storage endpoint is read from the storage account (not known before deployment, never
// empty): retention below 90 days is still reported (Template Analyzer's TA-000028 examples).
resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'auditlogs001'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql-audited'
  location: 'westeurope'
  properties: {}
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Enabled'
    storageEndpoint: account.properties.primaryEndpoints.blob
    retentionDays: 45
  }
}
