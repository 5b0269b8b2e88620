// Every alert type on.
resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql1'
}

resource alerts 'Microsoft.Sql/servers/securityAlertPolicies@2023-08-01' = {
  parent: server
  name: 'Default'
  properties: { state: 'Enabled', disabledAlerts: [], emailAccountAdmins: true }
}
