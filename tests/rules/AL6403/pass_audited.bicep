// Auditing as a child declared inside the server, and an existing server (not judged).
resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql1'
  location: 'westeurope'
  properties: {
    administrators: { administratorType: 'ActiveDirectory', azureADOnlyAuthentication: true, login: 'admins', sid: '00000000-0000-0000-0000-000000000000' }
  }

  resource auditing 'auditingSettings' = {
    name: 'default'
    properties: { state: 'Enabled', isAzureMonitorTargetEnabled: true }
  }
}

resource other 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql-elsewhere'
}
