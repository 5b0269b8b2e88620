// Alert emails off in Bicep.
targetScope = 'subscription'

resource contact 'Microsoft.Security/securityContacts@2020-01-01-preview' = {
  name: 'default'
  properties: {
    emails: 'secops@contoso.com'
    alertNotifications: {
      state: 'Off'
      minimalSeverity: 'High'
    }
  }
}
