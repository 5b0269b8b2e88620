// A server whose auditing child is Disabled through a parameter's default.
param auditingEnabled bool = false

resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql1'
  location: 'westeurope'
  properties: {
    administrators: { administratorType: 'ActiveDirectory', azureADOnlyAuthentication: true, login: 'admins', sid: '00000000-0000-0000-0000-000000000000' }
  }
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: server
  name: 'default'
  properties: { state: auditingEnabled ? 'Enabled' : 'Disabled', isAzureMonitorTargetEnabled: true }
}
