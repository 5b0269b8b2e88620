// A server deployed elsewhere is not reported for lacking auditing here: a firewall rule
// (or an Enabled setting) says nothing about how the server is audited.
resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql-shared'
}

resource rule 'Microsoft.Sql/servers/firewallRules@2023-08-01' = {
  parent: server
  name: 'office'
  properties: {
    startIpAddress: '203.0.113.10'
    endIpAddress: '203.0.113.10'
  }
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  name: 'sql-other/default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
  }
}
