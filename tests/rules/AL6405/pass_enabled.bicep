// Advanced threat protection on.
resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql1'
}

resource atp 'Microsoft.Sql/servers/advancedThreatProtectionSettings@2023-08-01' = {
  parent: server
  name: 'Default'
  properties: { state: 'Enabled' }
}
