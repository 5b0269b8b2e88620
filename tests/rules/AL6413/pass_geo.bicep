// Geo-redundant backups, and an existing server.
resource server 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql1'
  location: 'westeurope'
  sku: { name: 'Standard_D2ds_v4', tier: 'GeneralPurpose' }
  properties: {
    version: '8.0.21'
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Enabled' }
  }
}

resource other 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' existing = {
  name: 'mysql-elsewhere'
}
