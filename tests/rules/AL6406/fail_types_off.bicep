// Alert types disabled by a parameter's default, attached with parent.
param disabledAlerts array = [ 'Access_Anomaly' ]

resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql1'
}

resource alerts 'Microsoft.Sql/servers/securityAlertPolicies@2023-08-01' = {
  parent: server
  name: 'Default'
  properties: { state: 'Enabled', disabledAlerts: disabledAlerts, emailAccountAdmins: true }
}
