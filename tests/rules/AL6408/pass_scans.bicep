// Scans on.
resource server 'Microsoft.Sql/servers@2023-08-01' existing = {
  name: 'sql1'
}

resource va 'Microsoft.Sql/servers/vulnerabilityAssessments@2023-08-01' = {
  parent: server
  name: 'default'
  properties: {
    storageContainerPath: 'https://va1.blob.core.windows.net/va/'
    recurringScans: { isEnabled: true, emails: [ 'secops@contoso.com' ] }
  }
}
