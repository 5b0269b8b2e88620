// Local backups chosen by a condition on a parameter's default.
param geoBackup bool = false

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg1'
  location: 'westeurope'
  sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }
  properties: {
    version: '16'
    backup: { backupRetentionDays: 7, geoRedundantBackup: geoBackup ? 'Enabled' : 'Disabled' }
  }
}
