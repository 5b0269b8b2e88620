// Alert emails on in Bicep.
targetScope = 'subscription'

resource contact 'Microsoft.Security/securityContacts@2023-12-01-preview' = {
  name: 'default'
  properties: {
    emails: 'secops@contoso.com'
    isEnabled: true
    notificationsSources: [ { sourceType: 'Alert', minimalSeverity: 'Medium' } ]
  }
}
