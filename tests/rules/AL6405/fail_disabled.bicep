// Advanced threat protection off for a PostgreSQL flexible server, attached with parent.
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: 'pg1'
}

resource atp 'Microsoft.DBforPostgreSQL/flexibleServers/advancedThreatProtectionSettings@2024-08-01' = {
  parent: server
  name: 'Default'
  properties: { state: 'Disabled' }
}
